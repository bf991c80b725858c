namespace HwDsl.Compiler;

/// <summary>Energy, latency and area of one weight layer per inference (SI units), from its <see cref="Counts"/>.</summary>
/// <param name="Counts">The layer's event counts.</param>
/// <param name="AdcEnergy">ADC conversions × FoM·2^bits, J.</param>
/// <param name="DacEnergy">DAC conversions × e·bits, J.</param>
/// <param name="CellEnergy">Cell reads × the read energy of a fully-on cell × <see cref="MeanConductance"/>, J (inputs at full scale).</param>
/// <param name="DigitalEnergy">Accumulations, scalings, biases and float MACs, J.</param>
/// <param name="Latency">Seconds per inference (see <see cref="CostModel"/>).</param>
/// <param name="CellArea">Area of the cells of every allocated tile (full tile size), m².</param>
/// <param name="PeripheryArea">ADCs, DACs and accumulators of every tile, m².</param>
/// <param name="ProgrammingEnergy">One-time energy of the programming pulses, J.</param>
public sealed record LayerCost(LayerCounts Counts, double AdcEnergy, double DacEnergy, double CellEnergy, double DigitalEnergy,
    double Latency, double CellArea, double PeripheryArea, double ProgrammingEnergy)
{
    /// <summary>The mean conductance G/Gmax the cell energy assumed: 1 (every cell fully on) unless the array was programmed.</summary>
    public double MeanConductance { get; init; } = 1;

    /// <summary>Energy per inference, J.</summary>
    public double Energy => AdcEnergy + DacEnergy + CellEnergy + DigitalEnergy;

    /// <summary>Area, m².</summary>
    public double Area => CellArea + PeripheryArea;
}
