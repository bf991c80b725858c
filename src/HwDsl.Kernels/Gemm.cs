namespace HwDsl.Kernels;

/// <summary>
/// The fp32 MAC core: row-major C = op(A)·op(B) (+ C) (+ bias), for the three layouts backprop needs.
/// Work is split over output tiles only, never over k, so the result is bit-identical for any thread count.
/// </summary>
public static class Gemm
{
    /// <summary>C (m×n) = op(A)·op(B) (+ C when <paramref name="accumulate"/>) (+ bias[j] on every row).</summary>
    public static void Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        GemmLayout layout, bool accumulate = false, ReadOnlySpan<float> bias = default, MacPool? pool = null)
    {
        // Placeholder body: the reference. Replaced by the packed, register-blocked kernel.
        GemmReference.Compute(a, b, c, m, n, k, layout, accumulate, bias);
    }
}
