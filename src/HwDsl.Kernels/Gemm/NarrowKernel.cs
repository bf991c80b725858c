using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>A compile-time column count for <see cref="NarrowKernel{TWidth}"/> (the JIT specializes each width).</summary>
internal interface INarrowWidth
{
    static abstract int W { get; }
}

internal readonly struct Width1 : INarrowWidth { public static int W => 1; }
internal readonly struct Width2 : INarrowWidth { public static int W => 2; }
internal readonly struct Width3 : INarrowWidth { public static int W => 3; }
internal readonly struct Width4 : INarrowWidth { public static int W => 4; }
internal readonly struct Width5 : INarrowWidth { public static int W => 5; }
internal readonly struct Width6 : INarrowWidth { public static int W => 6; }
internal readonly struct Width7 : INarrowWidth { public static int W => 7; }
internal readonly struct Width8 : INarrowWidth { public static int W => 8; }
internal readonly struct Width9 : INarrowWidth { public static int W => 9; }
internal readonly struct Width10 : INarrowWidth { public static int W => 10; }
internal readonly struct Width11 : INarrowWidth { public static int W => 11; }
internal readonly struct Width12 : INarrowWidth { public static int W => 12; }

/// <summary>One of the two narrow tiles, chosen at compile time (<see cref="NarrowGemm.Run{TTile}"/>).</summary>
internal unsafe interface INarrowTile
{
    /// <summary>The most columns one call computes.</summary>
    static abstract int MaxW { get; }

    static abstract void Run<TWidth>(float* a, long lda, float* b, long ldb, int kc, float* c, int ldc, float* bias,
        bool addC, int rows, float* s) where TWidth : struct, INarrowWidth;
}

/// <summary>The Vector256 tile, <see cref="NarrowKernel{TWidth}"/>.</summary>
internal readonly unsafe struct NarrowTile256 : INarrowTile
{
    public static int MaxW => 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TWidth>(float* a, long lda, float* b, long ldb, int kc, float* c, int ldc, float* bias,
        bool addC, int rows, float* s) where TWidth : struct, INarrowWidth =>
        NarrowKernel<TWidth>.Run(a, lda, b, ldb, kc, c, ldc, bias, addC, rows, s);
}

/// <summary>The Vector512 tile, <see cref="NarrowKernel512{TWidth}"/>.</summary>
internal readonly unsafe struct NarrowTile512 : INarrowTile
{
    public static int MaxW => 12;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TWidth>(float* a, long lda, float* b, long ldb, int kc, float* c, int ldc, float* bias,
        bool addC, int rows, float* s) where TWidth : struct, INarrowWidth =>
        NarrowKernel512<TWidth>.Run(a, lda, b, ldb, kc, c, ldc, bias, addC, rows, s);
}

/// <summary>The narrow tiles' epilogue: column q's 16 sums at s + 16q, written row by row as the micro-kernels do.</summary>
internal static unsafe class NarrowEpilogue
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(float* s, int w, int rows, float* c, int ldc, float* bias, bool addC)
    {
        for (var r = 0; r < rows; r++, c += ldc)
        for (var q = 0; q < w; q++)
        {
            var t = s[q * 16 + r];
            if (bias != null) t += bias[q];
            c[q] = addC ? c[q] + t : t;
        }
    }
}

/// <summary>
/// A 16×W tile (W ≤ 6) for products with few output columns (the last layer's n = 10): the roles of the 6×16 kernel
/// swapped, 16 rows of A in two vectors and one broadcast per column of B, so no lane is wasted on absent columns.
/// Each element is still the FMA chain over p from zero followed by c = (addC ? c : 0) + (acc + bias), exactly what
/// the 6×16 kernel computes, so the results are the same bit for bit.
/// </summary>
internal static unsafe class NarrowKernel<TWidth> where TWidth : struct, INarrowWidth
{
    /// <summary>
    /// a: op(A) rows i..i+15 at step p at a + p·lda (lda ≥ 16); b: the group's W values of step p at b + p·ldb; c: the
    /// tile's first element; only the first <paramref name="rows"/> rows are written; s: 96 floats of scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, long lda, float* b, long ldb, int kc, float* c, int ldc, float* bias, bool addC, int rows, float* s)
    {
        var w = TWidth.W;
        Vector256<float> x0 = default, y0 = default, x1 = default, y1 = default, x2 = default, y2 = default;
        Vector256<float> x3 = default, y3 = default, x4 = default, y4 = default, x5 = default, y5 = default;
        // Unrolled by 2, as the 6×16 kernel is, for the same reason; the order of the sums is unchanged.
        var p = 0;
        for (; p + 2 <= kc; p += 2, a += 2 * lda, b += 2 * ldb)
        {
            Step(a, b, ref x0, ref y0, ref x1, ref y1, ref x2, ref y2, ref x3, ref y3, ref x4, ref y4, ref x5, ref y5);
            Step(a + lda, b + ldb, ref x0, ref y0, ref x1, ref y1, ref x2, ref y2, ref x3, ref y3, ref x4, ref y4, ref x5, ref y5);
        }
        if (p < kc) Step(a, b, ref x0, ref y0, ref x1, ref y1, ref x2, ref y2, ref x3, ref y3, ref x4, ref y4, ref x5, ref y5);

        // Column q's 16 sums at s + 16q (s: 96 floats of the caller's scratch; a stackalloc here made the JIT spill every
        // accumulator in the loop), then written row by row with the micro-kernels' epilogue.
        Vector256.Store(x0, s); Vector256.Store(y0, s + 8);
        if (w > 1) { Vector256.Store(x1, s + 16); Vector256.Store(y1, s + 24); }
        if (w > 2) { Vector256.Store(x2, s + 32); Vector256.Store(y2, s + 40); }
        if (w > 3) { Vector256.Store(x3, s + 48); Vector256.Store(y3, s + 56); }
        if (w > 4) { Vector256.Store(x4, s + 64); Vector256.Store(y4, s + 72); }
        if (w > 5) { Vector256.Store(x5, s + 80); Vector256.Store(y5, s + 88); }
        NarrowEpilogue.Write(s, w, rows, c, ldc, bias, addC);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(float* a, float* b, ref Vector256<float> x0, ref Vector256<float> y0, ref Vector256<float> x1,
        ref Vector256<float> y1, ref Vector256<float> x2, ref Vector256<float> y2, ref Vector256<float> x3, ref Vector256<float> y3,
        ref Vector256<float> x4, ref Vector256<float> y4, ref Vector256<float> x5, ref Vector256<float> y5)
    {
        var w = TWidth.W;
        var a0 = Vector256.Load(a);
        var a1 = Vector256.Load(a + 8);
        var b0 = Vector256.Create(b[0]);
        x0 = Vector256.FusedMultiplyAdd(a0, b0, x0);
        y0 = Vector256.FusedMultiplyAdd(a1, b0, y0);
        if (w > 1)
        {
            var b1 = Vector256.Create(b[1]);
            x1 = Vector256.FusedMultiplyAdd(a0, b1, x1);
            y1 = Vector256.FusedMultiplyAdd(a1, b1, y1);
        }
        if (w > 2)
        {
            var b2 = Vector256.Create(b[2]);
            x2 = Vector256.FusedMultiplyAdd(a0, b2, x2);
            y2 = Vector256.FusedMultiplyAdd(a1, b2, y2);
        }
        if (w > 3)
        {
            var b3 = Vector256.Create(b[3]);
            x3 = Vector256.FusedMultiplyAdd(a0, b3, x3);
            y3 = Vector256.FusedMultiplyAdd(a1, b3, y3);
        }
        if (w > 4)
        {
            var b4 = Vector256.Create(b[4]);
            x4 = Vector256.FusedMultiplyAdd(a0, b4, x4);
            y4 = Vector256.FusedMultiplyAdd(a1, b4, y4);
        }
        if (w > 5)
        {
            var b5 = Vector256.Create(b[5]);
            x5 = Vector256.FusedMultiplyAdd(a0, b5, x5);
            y5 = Vector256.FusedMultiplyAdd(a1, b5, y5);
        }
    }
}

/// <summary>
/// The Vector512 form of <see cref="NarrowKernel{TWidth}"/>: 16 rows of A in one vector and up to 12 columns in one
/// pass (AVX-512 has 32 vector registers, so the last layer's n = 10 is one group and A is loaded once per step, not
/// once per group of 6). Same FMA chains and epilogue, so the same results bit for bit.
/// </summary>
internal static unsafe class NarrowKernel512<TWidth> where TWidth : struct, INarrowWidth
{
    /// <summary>As <see cref="NarrowKernel{TWidth}.Run"/>, W ≤ 12; s: 192 floats of scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, long lda, float* b, long ldb, int kc, float* c, int ldc, float* bias, bool addC, int rows, float* s)
    {
        var w = TWidth.W;
        Vector512<float> x0 = default, x1 = default, x2 = default, x3 = default, x4 = default, x5 = default;
        Vector512<float> x6 = default, x7 = default, x8 = default, x9 = default, x10 = default, x11 = default;
        for (var p = 0; p < kc; p++, a += lda, b += ldb)
        {
            var av = Vector512.Load(a);
            x0 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[0]), x0);
            if (w > 1) x1 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[1]), x1);
            if (w > 2) x2 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[2]), x2);
            if (w > 3) x3 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[3]), x3);
            if (w > 4) x4 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[4]), x4);
            if (w > 5) x5 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[5]), x5);
            if (w > 6) x6 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[6]), x6);
            if (w > 7) x7 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[7]), x7);
            if (w > 8) x8 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[8]), x8);
            if (w > 9) x9 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[9]), x9);
            if (w > 10) x10 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[10]), x10);
            if (w > 11) x11 = Vector512.FusedMultiplyAdd(av, Vector512.Create(b[11]), x11);
        }

        Vector512.Store(x0, s);
        if (w > 1) Vector512.Store(x1, s + 16);
        if (w > 2) Vector512.Store(x2, s + 32);
        if (w > 3) Vector512.Store(x3, s + 48);
        if (w > 4) Vector512.Store(x4, s + 64);
        if (w > 5) Vector512.Store(x5, s + 80);
        if (w > 6) Vector512.Store(x6, s + 96);
        if (w > 7) Vector512.Store(x7, s + 112);
        if (w > 8) Vector512.Store(x8, s + 128);
        if (w > 9) Vector512.Store(x9, s + 144);
        if (w > 10) Vector512.Store(x10, s + 160);
        if (w > 11) Vector512.Store(x11, s + 176);
        NarrowEpilogue.Write(s, w, rows, c, ldc, bias, addC);
    }
}
