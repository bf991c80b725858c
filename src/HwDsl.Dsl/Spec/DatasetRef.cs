namespace HwDsl;

/// <summary>A data set, by name; the compiler resolves the name to files.</summary>
/// <param name="Name">The data set's name, e.g. <c>mnist</c>.</param>
public sealed record DatasetRef(string Name)
{
    /// <summary>Number of classes, when known to the DSL (then the last Dense layer must have that many units).</summary>
    public int? Classes { get; init; }

    /// <summary>Number of input features, when known to the DSL (e.g. 784 for 28x28 images).</summary>
    public int? InputSize { get; init; }

    /// <summary>
    /// How each sample's features form an image (channels × height × width), when known to the DSL; Conv2d and pooling
    /// layers need it, and its size must equal <see cref="InputSize"/> when both are given (HW0218).
    /// </summary>
    public ImageSize? Image { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        Classes is int c && InputSize is int n ? $"{Name} ({n} inputs, {c} classes)" : Name;
}
