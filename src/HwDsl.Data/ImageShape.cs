namespace HwDsl.Data;

/// <summary>
/// How a sample's features form an image: channels × height × width, stored row-major in that order (CHW), so
/// feature (c·H + y)·W + x is channel c at row y, column x. MNIST and Fashion-MNIST are 1×28×28.
/// </summary>
public sealed record ImageShape
{
    /// <summary>Creates the shape; every side must be at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is below 1, or the image has more than 2³¹ − 1 values.</exception>
    public ImageShape(int channels, int height, int width)
    {
        if (channels < 1 || height < 1 || width < 1 || (long)channels * height * width > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(channels), $"an image shape needs channels, height and width ≥ 1 (and fewer than 2³¹ values); got {channels}×{height}×{width}.");
        (Channels, Height, Width) = (channels, height, width);
    }

    /// <summary>Channels C.</summary>
    public int Channels { get; }

    /// <summary>Height H in pixels.</summary>
    public int Height { get; }

    /// <summary>Width W in pixels.</summary>
    public int Width { get; }

    /// <summary>Values per image, C·H·W.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
