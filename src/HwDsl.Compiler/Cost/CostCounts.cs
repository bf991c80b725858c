namespace HwDsl.Compiler;

/// <summary>
/// Counts the events of one inference on the bound model: per tile MVMs, DAC and ADC conversions and cell reads, per layer the
/// digital accumulations, scalings, biases and float MACs, and the one-time programming. Exact integers, tested against
/// hand-computed values; the energy, latency and area of <see cref="CostModel"/> are these counts times per-event constants.
/// </summary>
public static class CostCounts
{
    /// <summary>One entry per weight layer of <paramref name="bound"/>, in order.</summary>
    /// <param name="bound">The bound experiment.</param>
    public static IReadOnlyList<LayerCounts> Of(BoundExperiment bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var technology = bound.Resolved.Cost.Technology;
        return [.. bound.Layers.Select(l => Of(l, technology))];
    }

    /// <summary>The counts of one layer, with the technology's resolutions where the layer declares none.</summary>
    /// <param name="layer">The bound layer.</param>
    /// <param name="technology">Supplies <see cref="CostConstant.UndeclaredAdcBits"/> and <see cref="CostConstant.UndeclaredInputBits"/>.</param>
    public static LayerCounts Of(BoundLayer layer, Technology technology)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(technology);
        long positions = layer.Convolution is { } g ? g.Positions : 1;
        long outputs = layer.Outputs, inputs = layer.Inputs;
        if (layer.Digital)
            return new LayerCounts(layer.Index, true, positions, 0, 0, false, 0, [], 0, 0, positions * outputs, positions * inputs * outputs, 0, 0);

        var hw = layer.Hardware;
        int cells = hw.Mapping == WeightMapping.DifferentialPair ? 2 : 1;
        var adc = hw.Periphery.OfType<Adc>().FirstOrDefault();
        int adcBits = adc?.Bits ?? (int)technology[CostConstant.UndeclaredAdcBits];
        int dacBits = hw.InputBits ?? (int)technology[CostConstant.UndeclaredInputBits];
        var tiles = layer.Tiles.Tiles.Select(t => new TileCounts(t, positions, positions * t.Rows, positions * t.Columns, positions * t.Rows * t.Columns * cells)).ToList();
        long programmed = inputs * outputs * cells;
        long pulsesPerCell = hw.Binary ? 1 : (1L << hw.WeightBits) - 1;
        return new LayerCounts(layer.Index, false, positions, cells, adcBits, adc is not null, dacBits, tiles,
            Accumulations: positions * outputs * (layer.Tiles.RowBlocks - 1), Scalings: positions * outputs, Biases: positions * outputs,
            DigitalMacs: 0, ProgrammedCells: programmed, ProgrammingPulses: programmed * pulsesPerCell);
    }

    /// <summary>ADC conversions per inference by resolution (bits → conversions), over every layer.</summary>
    /// <param name="layers">Counts of the layers.</param>
    public static IReadOnlyDictionary<int, long> AdcConversionsByBits(IEnumerable<LayerCounts> layers) =>
        layers.Where(l => !l.Digital).GroupBy(l => l.AdcBits).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(l => l.AdcConversions));
}
