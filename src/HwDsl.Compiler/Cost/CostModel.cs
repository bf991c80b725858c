using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// Energy, latency and area per inference from the bound model: <see cref="CostCounts"/> times the per-event constants of the
/// experiment's <see cref="CostSpec"/> (a device that implements <see cref="IDeviceEnergy"/> supplies its cell read and
/// programming pulse energy unless the script set the technology's).
/// <list type="bullet">
/// <item>Energy: ADC conversions·FoM·2^b + DAC conversions·e·b_in + cell reads·E_read + accumulations·E_add + (scalings)·E_mul +
/// biases·E_fadd + float MACs·E_mac, with E_read = V_read²·G_on·t_read·ḡ: ḡ = 1 (every cell at Gmax, an upper bound) from the
/// bound model alone, the mean programmed conductance from a deployed network; inputs at full scale either way.</item>
/// <item>Latency: a tile's MVM takes t_read + min(n, c)·b·t_bit (its ⌈c/n⌉ ADCs each convert up to n of its c columns in turn); a
/// layer takes, per output position, its slowest tile (parallel) or the sum of its tiles (sequential), plus
/// ⌈log₂ row blocks⌉ + 2 digital cycles (accumulate, scale, bias). A digital layer takes positions × inputs cycles (one MAC per
/// output per cycle). Layers run one after the other.</item>
/// <item>Area: every allocated tile in full: rows·columns·cells per weight·A_cell·F² + ⌈columns/n⌉ ADCs·a·2^b + rows·DAC·b_in +
/// one accumulator per ADC. Digital layers add none (their weights' memory is not modelled).</item>
/// </list>
/// </summary>
public static class CostModel
{
    /// <summary>The estimate for <paramref name="bound"/> with its spec's technology and schedule.</summary>
    /// <param name="bound">The bound experiment.</param>
    public static CostEstimate Estimate(BoundExperiment bound) => Estimate(bound, null);

    /// <summary>The estimate for a compiled network: where a layer's array is programmed, its cell read energy is scaled by
    /// the mean programmed conductance ḡ = mean(G/Gmax) over its cells (G⁺ and G⁻, or G alone against a reference) instead of
    /// assuming every cell fully on; inputs are still taken at full scale.</summary>
    /// <param name="network">The compiled (and possibly deployed) network.</param>
    public static CostEstimate Estimate(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var mean = new Dictionary<int, double>();
        foreach (var a in network.Arrays.Where(a => a.IsProgrammed && a.Positive.Length > 0))
        {
            var pair = a.Layer.Hardware.Mapping == WeightMapping.DifferentialPair;
            mean[a.Layer.Index] = pair ? (a.Positive.Average() + a.Negative.Average()) / 2 : a.Positive.Average();
        }
        return Estimate(network.Bound, mean);
    }

    private static CostEstimate Estimate(BoundExperiment bound, IReadOnlyDictionary<int, double>? meanConductance)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var cost = bound.Resolved.Cost;
        var t = cost.Technology;
        var counts = CostCounts.Of(bound);

        bool Explicit(CostConstant c) => bound.Resolved.Provenance.TryGetValue(CostKeyPath(c), out var p) && p.Source == ValueSource.Explicit;
        var device = bound.Layers.Select(l => l.Device?.Model).OfType<IDeviceEnergy>().FirstOrDefault();
        var deviceName = bound.Layers.FirstOrDefault(l => l.Device?.Model is IDeviceEnergy)?.Device?.Name;
        var readByScript = Explicit(CostConstant.ReadVoltage) || Explicit(CostConstant.OnConductance) || Explicit(CostConstant.ReadPulse);
        double read = device is not null && !readByScript ? device.Energy.ReadEnergy
            : t[CostConstant.ReadVoltage] * t[CostConstant.ReadVoltage] * t[CostConstant.OnConductance] * t[CostConstant.ReadPulse];
        var readSource = device is not null && !readByScript ? $"device '{deviceName}' ({device.Energy.Citation})" : "V²·G_on·t_read of the technology";
        double pulse = device is not null && !Explicit(CostConstant.ProgramPulseEnergy) ? device.Energy.ProgramPulseEnergy : t[CostConstant.ProgramPulseEnergy];

        var layers = counts.Select(c => Layer(c, bound.Layers[c.Layer], t, cost.Schedule, read, pulse,
            meanConductance is not null && meanConductance.TryGetValue(c.Layer, out var g) ? g : 1)).ToList();
        return new CostEstimate(t.Name, cost.Schedule, layers, read, readSource);
    }

    private static string CostKeyPath(CostConstant c) => "Cost." + c;

    private static LayerCost Layer(LayerCounts c, BoundLayer layer, Technology t, TileSchedule schedule, double read, double pulse, double meanConductance)
    {
        double cycle = t[CostConstant.DigitalCycle];
        if (c.Digital)
            return new LayerCost(c, 0, 0, 0, c.DigitalMacs * t[CostConstant.DigitalMacEnergy] + c.Biases * t[CostConstant.BiasEnergy],
                c.Positions * layer.Inputs * cycle, 0, 0, 0) { MeanConductance = 0 };

        double levels = Math.Pow(2, c.AdcBits);
        double adc = c.AdcConversions * t[CostConstant.AdcWaldenFom] * levels;
        double dac = c.DacConversions * t[CostConstant.DacEnergyPerBit] * c.DacBits;
        double cells = c.CellReads * read * meanConductance;
        double digital = c.Accumulations * t[CostConstant.AccumulateEnergy] + c.Scalings * t[CostConstant.ScaleEnergy] + c.Biases * t[CostConstant.BiasEnergy];

        int share = (int)t[CostConstant.ColumnsPerAdc];
        double conversion = c.AdcBits * t[CostConstant.AdcTimePerBit];
        var perTile = c.Tiles.Select(x => t[CostConstant.ReadPulse] + Math.Min(share, x.Tile.Columns) * conversion).ToList();
        var grid = layer.Tiles;
        double digitalCycles = Math.Ceiling(Math.Log2(grid.RowBlocks)) + 2;
        double mvm = schedule == TileSchedule.Parallel ? perTile.Max() : perTile.Sum();
        double latency = c.Positions * (mvm + digitalCycles * cycle);

        double f = t[CostConstant.FeatureSize];
        double cellArea = (double)grid.Count * grid.TileRows * grid.TileColumns * c.CellsPerWeight * t[CostConstant.CellAreaF2] * f * f;
        double adcs = Math.Ceiling((double)grid.TileColumns / share);
        double periphery = grid.Count * (adcs * t[CostConstant.AdcAreaPerLevel] * levels
            + grid.TileRows * t[CostConstant.DacAreaPerBit] * c.DacBits + adcs * t[CostConstant.AccumulatorArea]);
        return new LayerCost(c, adc, dac, cells, digital, latency, cellArea, periphery, c.ProgrammingPulses * pulse) { MeanConductance = meanConductance };
    }
}
