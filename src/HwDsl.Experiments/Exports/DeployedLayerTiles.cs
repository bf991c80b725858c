using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Programmed tiles from today's layers: a multi-level layer is one tile whose conductances are the level table's
/// targets for the level each weight was programmed to (<see cref="WeightLevels.PositiveConductance"/> /
/// <see cref="WeightLevels.NegativeConductance"/>); with programming or read noise the effective weights differ from
/// w_max·(G⁺ − G⁻) by that noise. A binary layer gives its effective weights only.
/// </summary>
public sealed class DeployedLayerTiles : IProgrammedTileSource
{
    /// <summary>The shared instance.</summary>
    public static DeployedLayerTiles Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<ProgrammedTile> Tiles(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var tiles = new List<ProgrammedTile>();
        foreach (var layer in network.Layers)
            switch (layer)
            {
                case HardwareDenseLayer h: tiles.Add(Multilevel(h)); break;
                case BinaryDenseLayer b:
                    tiles.Add(new ProgrammedTile(b.Hardware.Index, 0, 0, 0, b.Weights.Rows, b.Weights.Cols, "binary", b.Scale.Values[0],
                        b.DeployedWeights(), null, null, "target"));
                    break;
            }
        return tiles;
    }

    private static ProgrammedTile Multilevel(HardwareDenseLayer layer)
    {
        var levels = layer.Levels;
        var w = layer.Weights.Values;
        var effective = layer.DeployedWeights.ToArray();
        var wMax = layer.WeightRange;
        var inverse = 1f / wMax;
        var (gp, gn) = (new float[w.Length], new float[w.Length]);
        for (var i = 0; i < w.Length; i++)
        {
            // Stochastic rounding picked its level at random and deploys it without noise: read the level back from w_eff.
            var k = layer.Rounding == WeightRounding.Stochastic ? NearestValue(levels.Values, effective[i] * inverse) : levels.Programming.NearestIndex(w[i] * inverse);
            gp[i] = (float)levels.PositiveConductance(k);
            gn[i] = (float)levels.NegativeConductance(k);
        }
        var mapping = levels.Mapping == WeightMapping.DifferentialPair ? "differential_pair" : "single_with_reference";
        return new ProgrammedTile(layer.Hardware.Index, 0, 0, 0, layer.Weights.Rows, layer.Weights.Cols, mapping, wMax, effective, gp, gn, "target");
    }

    private static int NearestValue(ReadOnlySpan<float> values, float x)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (Math.Abs(values[i] - x) < Math.Abs(values[best] - x)) best = i;
        return best;
    }
}
