using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary><c>cost.csv</c> of a run folder: the cost model's counts, energy, latency and area per weight layer and inference
/// (SI units, areas in mm²), so a breakdown can be compared with a published one.</summary>
internal static class CostFile
{
    public const string Name = "cost.csv";

    public static void Write(RunFolder run, CostEstimate? cost)
    {
        if (cost is null) return;
        string[] header =
        [
            "layer", "digital", "technology", "tile_schedule", "tiles", "positions", "mvms", "dac_conversions", "dac_bits", "adc_conversions", "adc_bits",
            "adc_declared", "cell_reads", "mean_conductance", "accumulations", "scalings", "biases", "digital_macs", "programmed_cells", "programming_pulses",
            "adc_energy_j", "dac_energy_j", "cell_energy_j", "digital_energy_j", "energy_j", "latency_s", "cell_area_mm2", "periphery_area_mm2",
            "programming_energy_j",
        ];
        var schedule = SchemaNames.Snake(cost.Schedule);
        run.WriteCsv(Name, header, cost.Layers.Select(l =>
        {
            var c = l.Counts;
            return (IReadOnlyList<object?>)
            [
                c.Layer, c.Digital ? "true" : "false", cost.Technology, schedule, c.Tiles.Count, c.Positions, c.Mvms, c.DacConversions, c.DacBits,
                c.AdcConversions, c.AdcBits, c.AdcDeclared ? "true" : "false", c.CellReads, l.MeanConductance, c.Accumulations, c.Scalings, c.Biases, c.DigitalMacs,
                c.ProgrammedCells, c.ProgrammingPulses, l.AdcEnergy, l.DacEnergy, l.CellEnergy, l.DigitalEnergy, l.Energy, l.Latency,
                l.CellArea * 1e6, l.PeripheryArea * 1e6, l.ProgrammingEnergy,
            ];
        }));
    }
}
