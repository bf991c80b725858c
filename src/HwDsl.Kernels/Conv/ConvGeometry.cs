namespace HwDsl.Kernels;

/// <summary>
/// The shape of one 2-D convolution over a batch of images stored row-major as N × (C·H·W) (NCHW): square
/// kernels of side <see cref="Kernel"/>, <see cref="Filters"/> output channels, zero padding on every side. The
/// weight matrix is (C·k·k) × F, row r = (c·k + ki)·k + kj, like a dense layer's inputs × outputs.
/// Output size follows the usual floor rule: H' = (H + 2p − k) / s + 1.
/// </summary>
/// <param name="Channels">Input channels C.</param>
/// <param name="Height">Input height H.</param>
/// <param name="Width">Input width W.</param>
/// <param name="Filters">Output channels F.</param>
/// <param name="Kernel">Kernel side k.</param>
/// <param name="Stride">Stride s.</param>
/// <param name="Padding">Zero padding p on each side.</param>
public readonly record struct ConvGeometry(int Channels, int Height, int Width, int Filters, int Kernel, int Stride = 1, int Padding = 0)
{
    /// <summary>Output height H' = (H + 2p − k) / s + 1.</summary>
    public int OutHeight => (Height + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>Output width W' = (W + 2p − k) / s + 1.</summary>
    public int OutWidth => (Width + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>Values in one receptive field, C·k·k: the rows of the weight matrix.</summary>
    public int PatchSize => Channels * Kernel * Kernel;

    /// <summary>Output positions per channel, H'·W'.</summary>
    public int Positions => OutHeight * OutWidth;

    /// <summary>Values per input image, C·H·W.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Values per output image, F·H'·W'.</summary>
    public int OutputSize => Filters * Positions;

    /// <summary>Multiply-adds of the forward pass per image, F·(C·k·k)·H'·W'.</summary>
    public long MacsPerImage => (long)Filters * PatchSize * Positions;

    /// <summary>A 1×1 kernel with stride 1 and no padding: the patch matrix is the image itself.</summary>
    internal bool IsPointwise => Kernel == 1 && Stride == 1 && Padding == 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        if (Channels < 1 || Height < 1 || Width < 1)
            throw new ArgumentException($"conv: the input must be at least 1×1×1; got {Channels}×{Height}×{Width}.");
        if (Filters < 1) throw new ArgumentException($"conv: at least one output channel is needed; got {Filters}.");
        if (Kernel < 1 || Stride < 1 || Padding < 0)
            throw new ArgumentException($"conv: kernel and stride must be ≥ 1 and padding ≥ 0; got kernel {Kernel}, stride {Stride}, padding {Padding}.");
        if (Kernel > Height + 2 * Padding || Kernel > Width + 2 * Padding)
            throw new ArgumentException($"conv: a {Kernel}×{Kernel} kernel does not fit a {Height}×{Width} input padded by {Padding}.");
        if ((long)Channels * Height * Width > int.MaxValue / 2 || (long)Filters * Positions > int.MaxValue / 2 || (long)PatchSize * Positions > int.MaxValue / 2)
            throw new ArgumentException($"conv: {this} is too large for 32-bit indexing.");
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Channels}×{Height}×{Width} → {Filters}×{OutHeight}×{OutWidth} ({Kernel}×{Kernel}, stride {Stride}, padding {Padding})";
}
