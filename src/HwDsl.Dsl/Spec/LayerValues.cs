namespace HwDsl;

/// <summary>The provenance path of each <see cref="LayerValue"/> (the one place that spells them).</summary>
internal static class LayerValues
{
    /// <summary>The path of <paramref name="value"/> under <c>Layers[i].</c> in <see cref="ExperimentSpec.Provenance"/>.</summary>
    /// <param name="value">The value.</param>
    public static string Path(LayerValue value) => value switch
    {
        LayerValue.OnOffRatio => "Positive.OnOffRatio",
        LayerValue.NonLinearity => "Positive.NonLinearity",
        LayerValue.NegativeOnOffRatio => "Negative.OnOffRatio",
        LayerValue.NegativeNonLinearity => "Negative.NonLinearity",
        LayerValue.Asymmetry => "Negative.Scale",
        LayerValue.WeightRange => "Range",
        LayerValue.ProgrammingNoise => "ProgrammingSigma",
        LayerValue.ReadNoise => "ReadSigma",
        LayerValue.OpenRate => "Defects.Open",
        LayerValue.ShortedRate => "Defects.Shorted",
        LayerValue.StuckRandomRate => "Defects.StuckRandom",
        LayerValue.TileRows => "Tile.Rows",
        LayerValue.TileColumns => "Tile.Columns",
        _ => value.ToString(),
    };

    /// <summary>The full path of <paramref name="value"/> of layer <paramref name="layer"/>: <c>Layers[1].Positive.OnOffRatio</c>.</summary>
    /// <param name="layer">0-based weight-layer index.</param>
    /// <param name="value">The value.</param>
    public static string Path(int layer, LayerValue value) => $"Layers[{layer}].{Path(value)}";
}
