using System.Numerics;
using System.Runtime.CompilerServices;

namespace HwDsl.Kernels;

/// <summary>
/// The patch matrix of one image and its adjoint. <see cref="Expand{T}"/> writes the (C·k·k) × (H'·W') matrix whose
/// column q = oy·W' + ox is the receptive field of output position (oy, ox), row r = (c·k + ki)·k + kj, zero where
/// the field reaches into the padding; a convolution is then a matrix product with the (C·k·k) × F weights.
/// <see cref="Fold{T}"/> adds such a matrix back onto the image (every position a field covers receives the sum of
/// its entries), which is the input gradient's last step.
/// </summary>
public static unsafe class Im2Col
{
    /// <summary>col[r, q] = x[c, oy·s + ki − p, ox·s + kj − p], or 0 outside the image.</summary>
    /// <param name="x">One image, C·H·W values.</param>
    /// <param name="col">(C·k·k) × (H'·W') values, overwritten.</param>
    /// <param name="g">The convolution's shape.</param>
    public static void Expand<T>(ReadOnlySpan<T> x, Span<T> col, in ConvGeometry g) where T : unmanaged, INumberBase<T>
    {
        if (x.Length < g.InputSize || col.Length < g.PatchSize * g.Positions)
            throw new ArgumentException($"im2col: {g} needs {g.InputSize} inputs and {g.PatchSize * g.Positions} patch values; got {x.Length} and {col.Length}.");
        fixed (T* px = x, pc = col) ExpandRaw(px, pc, g);
    }

    /// <summary>dx[c, iy, ix] += Σ col[r, q] over the (r, q) that <see cref="Expand{T}"/> reads from (c, iy, ix).</summary>
    /// <param name="col">(C·k·k) × (H'·W') values.</param>
    /// <param name="dx">One image, C·H·W values, added to.</param>
    /// <param name="g">The convolution's shape.</param>
    public static void Fold<T>(ReadOnlySpan<T> col, Span<T> dx, in ConvGeometry g) where T : unmanaged, INumberBase<T>
    {
        if (dx.Length < g.InputSize || col.Length < g.PatchSize * g.Positions)
            throw new ArgumentException($"col2im: {g} needs {g.InputSize} inputs and {g.PatchSize * g.Positions} patch values; got {dx.Length} and {col.Length}.");
        fixed (T* pc = col, pd = dx) FoldRaw(pc, pd, g);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ExpandRaw<T>(T* x, T* col, in ConvGeometry g) where T : unmanaged, INumberBase<T>
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding, h = g.Height, w = g.Width, oh = g.OutHeight, ow = g.OutWidth;
        var dst = col;
        for (var c = 0; c < g.Channels; c++)
        for (var ki = 0; ki < k; ki++)
        for (var kj = 0; kj < k; kj++)
        {
            var (ox0, ox1) = ValidColumns(kj, g);
            var plane = x + c * h * w + kj - p;   // plane[iy·w + ox·s] is the source of column ox
            for (var oy = 0; oy < oh; oy++, dst += ow)
            {
                var iy = oy * s + ki - p;
                if ((uint)iy >= (uint)h || ox1 == ox0) { Clear(dst, ow); continue; }
                Clear(dst, ox0);
                var src = plane + iy * w;
                if (s == 1) Copy(src + ox0, dst + ox0, ox1 - ox0);
                else for (var ox = ox0; ox < ox1; ox++) dst[ox] = src[ox * s];
                Clear(dst + ox1, ow - ox1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FoldRaw<T>(T* col, T* dx, in ConvGeometry g) where T : unmanaged, INumberBase<T>
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding, h = g.Height, w = g.Width, oh = g.OutHeight, ow = g.OutWidth;
        var src = col;
        for (var c = 0; c < g.Channels; c++)
        for (var ki = 0; ki < k; ki++)
        for (var kj = 0; kj < k; kj++)
        {
            var (ox0, ox1) = ValidColumns(kj, g);
            var plane = dx + c * h * w + kj - p;
            for (var oy = 0; oy < oh; oy++, src += ow)
            {
                var iy = oy * s + ki - p;
                if ((uint)iy >= (uint)h) continue;
                var dst = plane + iy * w;
                if (s == 1) Add(src + ox0, dst + ox0, ox1 - ox0);
                else for (var ox = ox0; ox < ox1; ox++) dst[ox * s] += src[ox];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Clear<T>(T* p, int n) where T : unmanaged, INumberBase<T>
    {
        for (var i = 0; i < n; i++) p[i] = T.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy<T>(T* from, T* to, int n) where T : unmanaged, INumberBase<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count) Unsafe.WriteUnaligned(to + i, Unsafe.ReadUnaligned<Vector<T>>(from + i));
        for (; i < n; i++) to[i] = from[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add<T>(T* from, T* to, int n) where T : unmanaged, INumberBase<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
                Unsafe.WriteUnaligned(to + i, Unsafe.ReadUnaligned<Vector<T>>(to + i) + Unsafe.ReadUnaligned<Vector<T>>(from + i));
        for (; i < n; i++) to[i] += from[i];
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
