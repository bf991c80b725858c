namespace HwDsl;

/// <summary>A feed-forward network: Dense layers, each optionally followed by one activation; the last item is a Dense layer (the loss is softmax cross-entropy).</summary>
/// <param name="Layers">The items in order.</param>
public sealed record NetworkSpec(IReadOnlyList<LayerSpec> Layers)
{
    /// <summary>The Dense layers only, in order (index i here is <see cref="LayerHardware.Index"/> i).</summary>
    public IEnumerable<DenseSpec> Dense => Layers.OfType<DenseSpec>();

    /// <summary>The activation right after Dense layer <paramref name="denseIndex"/>, or null when none follows it.</summary>
    /// <param name="denseIndex">0-based Dense layer index.</param>
    public ActivationKind? ActivationAfter(int denseIndex)
    {
        int seen = -1;
        for (int i = 0; i < Layers.Count; i++)
        {
            if (Layers[i] is DenseSpec && ++seen == denseIndex)
                return i + 1 < Layers.Count && Layers[i + 1] is ActivationSpec a ? a.Kind : null;
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Layers);
}
