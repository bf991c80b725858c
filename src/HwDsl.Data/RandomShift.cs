using HwDsl.Kernels;

namespace HwDsl.Data;

/// <summary>
/// Training-time augmentation of images stored row-major (one image per row): each image is translated by (dx, dy),
/// drawn uniformly from [−<see cref="MaxShift"/>, <see cref="MaxShift"/>]², and the pixels it uncovers become 0.
/// The shifts of a batch depend only on (seed, epoch, batch), so an epoch replays bit for bit.
/// </summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="MaxShift">Largest shift in either direction, 0 ≤ MaxShift &lt; min(Width, Height).</param>
public sealed record RandomShift(int Width, int Height, int MaxShift)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value and what is allowed.</summary>
    public void Validate()
    {
        if (Width < 1 || Height < 1) throw new ArgumentException($"shift augmentation needs an image of at least 1×1 pixels; got {Width}×{Height}.");
        if (MaxShift < 0 || MaxShift >= Math.Min(Width, Height))
            throw new ArgumentException($"shift augmentation: the largest shift must be in 0..{Math.Min(Width, Height) - 1} pixels for a {Width}×{Height} image; got {MaxShift}.");
    }

    /// <summary>The next image's shift from a batch's generator.</summary>
    private (int Dx, int Dy) Next(ref SplitMix64 rng)
    {
        var span = (uint)(2 * MaxShift + 1);
        return ((int)rng.NextBelow(span) - MaxShift, (int)rng.NextBelow(span) - MaxShift);
    }

    /// <summary>Shifts the first <paramref name="rows"/> images of <paramref name="x"/> in place.</summary>
    /// <param name="x">rows × Width·Height values, row-major.</param>
    /// <param name="rows">Images in the batch.</param>
    /// <param name="seed">Training seed.</param>
    /// <param name="epoch">Epoch (0-based).</param>
    /// <param name="batch">Batch within the epoch.</param>
    public void Apply(Span<float> x, int rows, int seed, int epoch, int batch)
    {
        var pixels = Width * Height;
        if (x.Length < (long)rows * pixels)
            throw new ArgumentException($"shift augmentation: the batch holds {x.Length} values; {rows} images of {Width}×{Height} need {(long)rows * pixels}.");
        if (MaxShift == 0) return;
        var rng = new SplitMix64(((ulong)(uint)seed << 32 | (uint)epoch) ^ (ulong)(uint)batch * 0x9E3779B97F4A7C15UL);
        var copy = new float[pixels];
        for (var r = 0; r < rows; r++)
        {
            var (dx, dy) = Next(ref rng);
            if (dx == 0 && dy == 0) continue;
            var image = x.Slice(r * pixels, pixels);
            image.CopyTo(copy);
            image.Clear();
            // Destination columns [x0, x1) read source columns [x0 − dx, x1 − dx).
            int x0 = Math.Max(0, dx), x1 = Math.Min(Width, Width + dx);
            for (var y = Math.Max(0, dy); y < Math.Min(Height, Height + dy); y++)
                copy.AsSpan((y - dy) * Width + x0 - dx, x1 - x0).CopyTo(image.Slice(y * Width + x0, x1 - x0));
        }
    }
}
