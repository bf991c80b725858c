namespace HwDsl.Kernels;

/// <summary>
/// The shape of a 2-D pooling over images stored N × (C·H·W): square windows of side <see cref="Size"/> moved by
/// <see cref="Stride"/>, no padding, H' = (H − size) / stride + 1.
/// </summary>
/// <param name="Channels">Channels C (pooled independently).</param>
/// <param name="Height">Input height H.</param>
/// <param name="Width">Input width W.</param>
/// <param name="Size">Window side.</param>
/// <param name="Stride">Step between windows.</param>
public readonly record struct PoolGeometry(int Channels, int Height, int Width, int Size, int Stride)
{
    /// <summary>Output height (H − size) / stride + 1.</summary>
    public int OutHeight => (Height - Size) / Stride + 1;

    /// <summary>Output width (W − size) / stride + 1.</summary>
    public int OutWidth => (Width - Size) / Stride + 1;

    /// <summary>Values per input image, C·H·W.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Values per output image, C·H'·W'.</summary>
    public int OutputSize => Channels * OutHeight * OutWidth;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        if (Channels < 1 || Height < 1 || Width < 1)
            throw new ArgumentException($"pool: the input must be at least 1×1×1; got {Channels}×{Height}×{Width}.");
        if (Size < 1 || Stride < 1) throw new ArgumentException($"pool: size and stride must be ≥ 1; got size {Size}, stride {Stride}.");
        if (Size > Height || Size > Width) throw new ArgumentException($"pool: a {Size}×{Size} window does not fit a {Height}×{Width} input.");
        if ((long)Channels * Height * Width > int.MaxValue / 2)
            throw new ArgumentException($"pool: {this} is too large for 32-bit indexing.");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Channels}×{Height}×{Width} → {Channels}×{OutHeight}×{OutWidth} ({Size}×{Size}, stride {Stride})";
}
