namespace HwDsl;

/// <summary>An element-wise activation after a Dense, Conv2d or pooling layer.</summary>
/// <param name="Kind">Which function.</param>
public sealed record ActivationSpec(ActivationKind Kind) : LayerSpec
{
    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}
