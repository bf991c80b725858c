using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// Copies operands into the micro-kernels' panel layouts, zero-padding partial panels so every kernel call
/// computes a full tile. .NET 10 has no AVX-512 gather, so transposed reads go through 8×8 in-register transposes.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs rows [i0, i0+rows) and columns [p0, p0+kc) of op(A) into MR-row panels, panel r at dst + r·kc·MR,
    /// each stored [p][MR]. op(A)(i, p) is a[i·k + p] (NN, NT) or a[p·m + i] (TN).
    /// dst needs MR·8 floats of slack past its last panel (overlapping stores).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, int m, int k, bool transposed, int i0, int rows, int p0, int kc, float* dst, int mr)
    {
        for (var r0 = 0; r0 < rows; r0 += mr, dst += kc * mr)
        {
            var valid = Math.Min(mr, rows - r0);
            var i = i0 + r0;
            if (transposed)
            {
                var src = a + (long)p0 * m + i;
                if (valid == mr && mr <= 8 && i + 8 <= m)
                {
                    // 8-wide copies at stride MR, in ascending order: each overwrites the previous one's spill.
                    for (var p = 0; p < kc; p++, src += m) Vector256.Store(Vector256.Load(src), dst + p * mr);
                }
                else
                    for (var p = 0; p < kc; p++, src += m)
                    for (var r = 0; r < mr; r++)
                        dst[p * mr + r] = r < valid ? src[r] : 0f;
                continue;
            }

            var row = a + (long)i * k + p0;
            var p8 = 0;
            if (valid == mr && mr <= 8 && Avx.IsSupported)
            {
                // Rows past MR (MR = 6) repeat the last row; their lanes are overwritten by the next store.
                var r1 = row + Math.Min(1, mr - 1) * (long)k;
                var r2 = row + Math.Min(2, mr - 1) * (long)k;
                var r3 = row + Math.Min(3, mr - 1) * (long)k;
                var r4 = row + Math.Min(4, mr - 1) * (long)k;
                var r5 = row + Math.Min(5, mr - 1) * (long)k;
                var r6 = row + Math.Min(6, mr - 1) * (long)k;
                var r7 = row + Math.Min(7, mr - 1) * (long)k;
                for (; p8 + 8 <= kc; p8 += 8)
                    Transpose8x8Store(row + p8, r1 + p8, r2 + p8, r3 + p8, r4 + p8, r5 + p8, r6 + p8, r7 + p8, dst + p8 * mr, mr);
            }
            for (var p = p8; p < kc; p++)
            for (var r = 0; r < mr; r++)
                dst[p * mr + r] = r < valid ? row[(long)r * k + p] : 0f;
        }
    }

    /// <summary>
    /// Packs columns [j0, j0+cols) and all k rows of op(B) into NR-column panels, panel r at dst + r·k·NR, each
    /// stored [p][NR]. op(B)(p, j) is b[p·n + j] (NN, TN) or b[j·k + p] (NT).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackBPanel(float* b, int n, int k, bool transposed, int j, int nr, float* dst)
    {
        var valid = Math.Min(nr, n - j);
        if (!transposed)
        {
            var src = b + j;
            if (valid == nr)
            {
                for (var p = 0; p < k; p++, src += n, dst += nr)
                for (var q = 0; q < nr; q += 8)
                    Vector256.Store(Vector256.Load(src + q), dst + q);
            }
            else
            {
                for (var p = 0; p < k; p++, src += n, dst += nr)
                for (var q = 0; q < nr; q++)
                    dst[q] = q < valid ? src[q] : 0f;
            }
            return;
        }

        var col = b + (long)j * k;
        var p8 = 0;
        if (valid == nr && Avx.IsSupported)
        {
            for (; p8 + 8 <= k; p8 += 8)
            for (var q = 0; q < nr; q += 8)
            {
                var s = col + (long)q * k + p8;
                Transpose8x8Store(s, s + k, s + 2L * k, s + 3L * k, s + 4L * k, s + 5L * k, s + 6L * k, s + 7L * k,
                    dst + p8 * nr + q, nr);
            }
        }
        for (var p = p8; p < k; p++)
        for (var q = 0; q < nr; q++)
            dst[p * nr + q] = q < valid ? col[(long)q * k + p] : 0f;
    }

    /// <summary>
    /// Packs rows [p0, p1) of columns [j0, j0+cols) of a non-transposed B (b[p·n + j]) into NR-column panels, panel r at
    /// dst + r·k·NR, each stored [p][NR], the last panel zero-padded. Row by row, so B is read sequentially (the
    /// prefetchers follow it; panel by panel it was read at a stride of n floats, ~12 % of a forward product).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackBRows(float* b, int n, int k, int j0, int cols, int nr, int p0, int p1, float* dst)
    {
        var full = cols / nr;
        var rest = cols - full * nr;
        var panelStride = (long)k * nr;
        for (var p = p0; p < p1; p++)
        {
            var src = b + (long)p * n + j0;
            var d = dst + (long)p * nr;
            for (var q = 0; q < full; q++, src += nr, d += panelStride)
            for (var x = 0; x < nr; x += 8)
                Vector256.Store(Vector256.Load(src + x), d + x);
            if (rest == 0) continue;
            for (var x = 0; x < nr; x++) d[x] = x < rest ? src[x] : 0f;
        }
    }

    /// <summary>Loads 8 rows of 8, stores column q of the block at dst + q·stride (8 floats each, in q order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Transpose8x8Store(float* s0, float* s1, float* s2, float* s3, float* s4, float* s5, float* s6,
        float* s7, float* dst, int stride)
    {
        var x0 = Avx.LoadVector256(s0);
        var x1 = Avx.LoadVector256(s1);
        var x2 = Avx.LoadVector256(s2);
        var x3 = Avx.LoadVector256(s3);
        var x4 = Avx.LoadVector256(s4);
        var x5 = Avx.LoadVector256(s5);
        var x6 = Avx.LoadVector256(s6);
        var x7 = Avx.LoadVector256(s7);
        var t0 = Avx.UnpackLow(x0, x1);
        var t1 = Avx.UnpackHigh(x0, x1);
        var t2 = Avx.UnpackLow(x2, x3);
        var t3 = Avx.UnpackHigh(x2, x3);
        var t4 = Avx.UnpackLow(x4, x5);
        var t5 = Avx.UnpackHigh(x4, x5);
        var t6 = Avx.UnpackLow(x6, x7);
        var t7 = Avx.UnpackHigh(x6, x7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + stride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * stride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * stride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * stride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * stride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * stride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * stride, Avx.Permute2x128(u3, u7, 0x31));
    }
}
