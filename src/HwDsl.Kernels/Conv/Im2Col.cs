using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace HwDsl.Kernels;

/// <summary>
/// The patch matrix of one image and its adjoint. <see cref="Expand{T}"/> writes the (C·k·k) × (H'·W') matrix whose
/// column q = oy·W' + ox is the receptive field of output position (oy, ox), row r = (c·k + ki)·k + kj, zero where
/// the field reaches into the padding; a convolution is then a matrix product with the (C·k·k) × F weights.
/// <see cref="Fold{T}"/> adds such a matrix back onto the image (every position a field covers receives the sum of
/// its entries), which is the input gradient's last step.
/// </summary>
public static class Im2Col
{
    /// <summary>col[r, q] = x[c, oy·s + ki − p, ox·s + kj − p], or 0 outside the image.</summary>
    /// <param name="x">One image, C·H·W values.</param>
    /// <param name="col">(C·k·k) × (H'·W') values, overwritten.</param>
    /// <param name="g">The convolution's shape.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expand<T>(ReadOnlySpan<T> x, Span<T> col, in ConvGeometry g) where T : unmanaged, INumberBase<T>
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding, h = g.Height, w = g.Width, oh = g.OutHeight, ow = g.OutWidth;
        if (x.Length < g.InputSize || col.Length < g.PatchSize * g.Positions)
            throw new ArgumentException($"im2col: {g} needs {g.InputSize} inputs and {g.PatchSize * g.Positions} patch values; got {x.Length} and {col.Length}.");
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        for (var ki = 0; ki < k; ki++)
        for (var kj = 0; kj < k; kj++, row++)
        {
            var dst = col.Slice(row * oh * ow, oh * ow);
            // Output columns whose source column ox·s + kj − p lies inside [0, w).
            var (ox0, ox1) = ValidColumns(kj, g);
            for (var oy = 0; oy < oh; oy++)
            {
                var line = dst.Slice(oy * ow, ow);
                var iy = oy * s + ki - p;
                if ((uint)iy >= (uint)h) { line.Clear(); continue; }
                if (ox1 == ox0) { line.Clear(); continue; }
                var src = x.Slice((c * h + iy) * w, w);
                line[..ox0].Clear();
                line[ox1..].Clear();
                var ix = ox0 * s + kj - p;
                if (s == 1) src.Slice(ix, ox1 - ox0).CopyTo(line[ox0..ox1]);
                else for (var ox = ox0; ox < ox1; ox++, ix += s) line[ox] = src[ix];
            }
        }
    }

    /// <summary>dx[c, iy, ix] += Σ col[r, q] over the (r, q) that <see cref="Expand{T}"/> reads from (c, iy, ix).</summary>
    /// <param name="col">(C·k·k) × (H'·W') values.</param>
    /// <param name="dx">One image, C·H·W values, added to.</param>
    /// <param name="g">The convolution's shape.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold<T>(ReadOnlySpan<T> col, Span<T> dx, in ConvGeometry g) where T : unmanaged, INumberBase<T>
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding, h = g.Height, w = g.Width, oh = g.OutHeight, ow = g.OutWidth;
        if (dx.Length < g.InputSize || col.Length < g.PatchSize * g.Positions)
            throw new ArgumentException($"col2im: {g} needs {g.InputSize} inputs and {g.PatchSize * g.Positions} patch values; got {dx.Length} and {col.Length}.");
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        for (var ki = 0; ki < k; ki++)
        for (var kj = 0; kj < k; kj++, row++)
        {
            var src = col.Slice(row * oh * ow, oh * ow);
            var (ox0, ox1) = ValidColumns(kj, g);
            if (ox1 == ox0) continue;
            for (var oy = 0; oy < oh; oy++)
            {
                var iy = oy * s + ki - p;
                if ((uint)iy >= (uint)h) continue;
                var line = src.Slice(oy * ow, ow);
                var dst = dx.Slice((c * h + iy) * w, w);
                var ix = ox0 * s + kj - p;
                if (s == 1)
                {
                    var d = dst.Slice(ix, ox1 - ox0);
                    TensorPrimitives.Add(d, line[ox0..ox1], d);
                }
                else for (var ox = ox0; ox < ox1; ox++, ix += s) dst[ix] += line[ox];
            }
        }
    }

    // The output columns [ox0, ox1) whose source column ox·s + kj − p lies inside [0, W); empty as ox0 = ox1.
    private static (int From, int To) ValidColumns(int kj, in ConvGeometry g)
    {
        int s = g.Stride, first = g.Padding - kj, last = g.Width - 1 + g.Padding - kj;
        if (last < 0) return (0, 0);
        var from = first <= 0 ? 0 : (first + s - 1) / s;
        var to = Math.Min(g.OutWidth, last / s + 1);
        return to > from ? (from, to) : (0, 0);
    }
}
