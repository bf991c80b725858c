namespace HwDsl;

/// <summary>
/// A 2-D convolution with square kernels and zero padding over the image before it:
/// y[f, oy, ox] = b[f] + Σ_{c, ki, kj} W[c, ki, kj, f] · x[c, oy·s + ki − p, ox·s + kj − p], output side (H + 2p − k) / s + 1 (floor).
/// Its weights form a (C·k·k) × channels matrix, one row per receptive-field element, like a Dense layer's inputs × outputs.
/// </summary>
/// <param name="Channels">Output channels (filters), 1..65536 (HW0206).</param>
/// <param name="Kernel">Kernel side k ≥ 1 (HW0207), at most the padded input (HW0211).</param>
/// <param name="Stride">Stride s ≥ 1 (HW0208).</param>
/// <param name="Padding">Zero padding p on each side, 0..k − 1 (HW0209).</param>
public sealed record Conv2dSpec(int Channels, int Kernel, int Stride, int Padding) : LayerSpec
{
    /// <summary>The output shape over <paramref name="input"/> (no range checks; Build() has made them).</summary>
    /// <param name="input">Input image shape.</param>
    public ImageSize Output(ImageSize input) =>
        new(Channels, (input.Height + 2 * Padding - Kernel) / Stride + 1, (input.Width + 2 * Padding - Kernel) / Stride + 1);

    /// <inheritdoc />
    public override string ToString() =>
        $"Conv2d({Channels}, {Kernel}{(Stride != 1 ? $", stride: {Stride}" : "")}{(Padding != 0 ? $", padding: {Padding}" : "")})";
}
