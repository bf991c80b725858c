namespace HwDsl;

/// <summary>
/// The shape of an image or feature map: channels × height × width, its values stored row-major in that order
/// (channel c, row y, column x at (c·H + y)·W + x). MNIST is 1×28×28; a Conv2d(6, 5, padding: 2) over it gives 6×28×28.
/// Checked at Build() (HW0218 for a data set's).
/// </summary>
/// <param name="Channels">Channels C.</param>
/// <param name="Height">Height H.</param>
/// <param name="Width">Width W.</param>
public sealed record ImageSize(int Channels, int Height, int Width)
{
    /// <summary>Values per image, C·H·W.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
