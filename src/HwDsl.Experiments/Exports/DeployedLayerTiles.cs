using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Programmed tiles of the deployed layers: a multi-level layer gives every tile of its <see cref="AnalogArray"/> with the
/// G⁺/G⁻ (or G and reference) it holds for the sample being deployed; a binary layer gives its effective weights only.
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
                case HardwareDenseLayer h: tiles.AddRange(Multilevel(h)); break;
                case BinaryDenseLayer b:
                    tiles.Add(new ProgrammedTile(b.Hardware.Index, 0, 0, 0, b.Weights.Rows, b.Weights.Cols, "binary", b.Scale.Values[0],
                        b.DeployedWeights(), null, null, "target"));
                    break;
            }
        return tiles;
    }

    /// <summary>One entry per tile of the layer's array, with the conductances it was programmed to for this sample
    /// (programming noise and device curve included; read noise is drawn per read and is not in them).</summary>
    private static IEnumerable<ProgrammedTile> Multilevel(HardwareDenseLayer layer)
    {
        var array = layer.Array;
        var effective = layer.DeployedWeights.ToArray();
        var mapping = layer.Levels.Mapping == WeightMapping.DifferentialPair ? "differential_pair" : "single_with_reference";
        var columns = array.Tiles.Columns;
        foreach (var tile in array.Tiles.Tiles)
        {
            var (gp, gn) = array.TileConductances(tile);
            var w = new float[tile.Rows * tile.Columns];
            for (var r = 0; r < tile.Rows; r++)
                effective.AsSpan((tile.Row0 + r) * columns + tile.Column0, tile.Columns).CopyTo(w.AsSpan(r * tile.Columns));
            yield return new ProgrammedTile(layer.Hardware.Index, tile.Index, tile.Row0, tile.Column0, tile.Rows, tile.Columns, mapping,
                layer.WeightRange, w, [.. gp.Select(g => (float)g)], [.. gn.Select(g => (float)g)], "programmed");
        }
    }
}
