namespace HwDsl;

/// <summary>A square patch of input pixels that feeds one core's axons, row by row.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Size">Side length in pixels.</param>
public sealed record WindowSpec(int X, int Y, int Size)
{
    /// <summary>Pixel indices (row-major in an image <paramref name="width"/> wide), in axon order.</summary>
    /// <param name="width">Image width.</param>
    public IEnumerable<int> Pixels(int width)
    {
        for (var r = 0; r < Size; r++)
            for (var c = 0; c < Size; c++)
                yield return (Y + r) * width + X + c;
    }

    /// <inheritdoc />
    public override string ToString() => $"({X},{Y}) {Size}×{Size}";
}
