namespace HwDsl;

/// <summary>A fully connected layer <c>y = W x + b</c>; its input size is the previous layer's width (or the data set's input size).</summary>
/// <param name="Units">Output width, 1..65536.</param>
public sealed record DenseSpec(int Units) : LayerSpec
{
    /// <inheritdoc />
    public override string ToString() => $"Dense({Units})";
}
