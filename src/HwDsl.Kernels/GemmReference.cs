using System.Numerics;

namespace HwDsl.Kernels;

/// <summary>
/// The slow, obviously correct GEMM: a triple loop in any IEEE floating type, accumulated in the order
/// p = 0..k-1. Kernel tests compare the fast path against it, and the autodiff uses it for double
/// precision (finite-difference gradient checks).
/// </summary>
public static class GemmReference
{
    /// <summary>C = op(A)·op(B) (+ C when <paramref name="accumulate"/>) (+ bias[j] on every row).</summary>
    public static void Compute<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k,
        GemmLayout layout, bool accumulate = false, ReadOnlySpan<T> bias = default)
        where T : IFloatingPointIeee754<T>
    {
        GemmShape.Validate(a.Length, b.Length, c.Length, bias.Length, m, n, k);
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            var s = T.Zero;
            for (var p = 0; p < k; p++)
            {
                var av = layout == GemmLayout.TN ? a[p * m + i] : a[i * k + p];
                var bv = layout == GemmLayout.NT ? b[j * k + p] : b[p * n + j];
                s += av * bv;
            }
            if (!bias.IsEmpty) s += bias[j];
            c[i * n + j] = accumulate ? c[i * n + j] + s : s;
        }
    }
}
