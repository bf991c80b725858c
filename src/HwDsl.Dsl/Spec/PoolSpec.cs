namespace HwDsl;

/// <summary>
/// Max or average pooling over square windows of the image before it, per channel, without padding; the windows must
/// tile the input exactly: (H − size) divisible by the stride (HW0213), output side (H − size) / stride + 1.
/// </summary>
/// <param name="Kind">Max or average.</param>
/// <param name="Size">Window side ≥ 1, at most the input (HW0210, HW0212).</param>
/// <param name="Stride">Step between windows, 1..size (HW0210).</param>
public sealed record PoolSpec(PoolKind Kind, int Size, int Stride) : LayerSpec
{
    /// <summary>The output shape over <paramref name="input"/> (no range checks; Build() has made them).</summary>
    /// <param name="input">Input image shape.</param>
    public ImageSize Output(ImageSize input) =>
        new(input.Channels, (input.Height - Size) / Stride + 1, (input.Width - Size) / Stride + 1);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Kind == PoolKind.Max ? "MaxPool" : "AvgPool")}({Size}{(Stride != Size ? $", stride: {Stride}" : "")})";
}
