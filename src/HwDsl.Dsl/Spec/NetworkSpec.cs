namespace HwDsl;

/// <summary>
/// A feed-forward network: Dense, Conv2d, pooling and Flatten layers, each weight or pooling layer optionally followed by
/// one activation; the last item is a Dense layer (the loss is softmax cross-entropy). Build() has checked every shape.
/// </summary>
/// <param name="Layers">The items in order.</param>
public sealed record NetworkSpec(IReadOnlyList<LayerSpec> Layers)
{
    /// <summary>The data set's image shape, which the first layer sees; null when the data set declares none (then the network has no Conv2d or pooling layer).</summary>
    public ImageSize? Input { get; init; }

    /// <summary>The Dense layers only, in order (index i here is <see cref="LayerHardware.Index"/> i).</summary>
    public IEnumerable<DenseSpec> Dense => Layers.OfType<DenseSpec>();

    /// <summary>The layers that hold weights, Dense and Conv2d, in network order: the layers hardware can be mapped onto.</summary>
    public IReadOnlyList<LayerSpec> WeightLayers => [.. Layers.Where(l => l is DenseSpec or Conv2dSpec)];

    /// <summary>The position in <see cref="Layers"/> of weight layer <paramref name="weightIndex"/> (an index into <see cref="WeightLayers"/>), or −1 when there is none.</summary>
    /// <param name="weightIndex">0-based index among the Dense and Conv2d layers.</param>
    public int ItemOfWeightLayer(int weightIndex)
    {
        int seen = -1;
        for (int i = 0; i < Layers.Count; i++)
            if (Layers[i] is DenseSpec or Conv2dSpec && ++seen == weightIndex) return i;
        return -1;
    }

    /// <summary>
    /// The image shape that item <paramref name="item"/> of <see cref="Layers"/> receives, or null when what it receives is a
    /// flat feature vector (after Flatten or Dense) or no image shape is known. Every Conv2d and pooling layer of a built
    /// spec receives one; <c>ImageInto(Layers.Count)</c> is what the last layer gives.
    /// </summary>
    /// <param name="item">0-based position in <see cref="Layers"/>, up to <c>Layers.Count</c>.</param>
    public ImageSize? ImageInto(int item)
    {
        if (item < 0 || item > Layers.Count)
            throw new ArgumentOutOfRangeException(nameof(item), $"item must be in 0..{Layers.Count}; got {item}.");
        var image = Input;
        for (int i = 0; i < item && image is not null; i++)
            image = Layers[i] switch
            {
                Conv2dSpec c => c.Output(image),
                PoolSpec p => p.Output(image),
                ActivationSpec => image,
                _ => null,
            };
        return image;
    }

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

    /// <summary>The activation right after weight layer <paramref name="weightIndex"/> (Dense or Conv2d, see <see cref="WeightLayers"/>), or null when none follows it.</summary>
    /// <param name="weightIndex">0-based index among the Dense and Conv2d layers.</param>
    public ActivationKind? ActivationAfterWeightLayer(int weightIndex)
    {
        int i = ItemOfWeightLayer(weightIndex);
        return i >= 0 && i + 1 < Layers.Count && Layers[i + 1] is ActivationSpec a ? a.Kind : null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Layers);
}
