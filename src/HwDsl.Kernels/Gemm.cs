using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using HwDsl.Kernels.GemmImpl;

namespace HwDsl.Kernels;

/// <summary>
/// The fp32 MAC core: row-major C = op(A)·op(B) (+ C) (+ bias), for the three layouts backprop needs.
/// Work is split over output tiles only, never over k, so the result is bit-identical for any thread count.
/// </summary>
public static class Gemm
{
    /// <summary>The code paths, widest first; <see cref="Path"/> is the one dispatched to.</summary>
    internal enum KernelPath { Vector512, Vector256, Scalar }

    // Below this many multiply-adds a call runs on its caller alone: waking a worker costs more than it saves.
    internal const long ParallelThreshold = 1L << 20;

    // The narrow path (n ≤ 12) splits its 16-row tiles with no shared packing step, so it pays off earlier.
    internal const long NarrowParallelThreshold = 1L << 18;

    private static readonly KernelPath Detected = DetectPath();
    [ThreadStatic] private static KernelPath? t_forced;

    /// <summary>
    /// The path calls from this thread use. Tests may force another per thread (a Vector512 path on hardware
    /// without AVX-512 runs emulated, slowly, but gives the same results).
    /// </summary>
    internal static KernelPath Path
    {
        get => t_forced ?? Detected;
        set => t_forced = value;
    }

    internal static KernelPath DetectPath() =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? KernelPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? KernelPath.Vector256
        : KernelPath.Scalar;

    /// <summary>Which kernel path this process uses, e.g. "Vector512 (AVX-512F), 8×32 tile".</summary>
    public static string Describe() => Path switch
    {
        KernelPath.Vector512 => "Vector512 (AVX-512F), 8×32 tile (8×16 for n ≤ 16, 16×n for n ≤ 12)",
        KernelPath.Vector256 => "Vector256 (AVX2+FMA), 6×16 tile (16×n for n ≤ 12)",
        _ => "scalar",
    };

    /// <summary>C (m×n) = op(A)·op(B) (+ C when <paramref name="accumulate"/>) (+ bias[j] on every row).</summary>
    public static unsafe void Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        GemmLayout layout, bool accumulate = false, ReadOnlySpan<float> bias = default, MacPool? pool = null)
    {
        GemmShape.Validate(a.Length, b.Length, c.Length, bias.Length, m, n, k);
        if (layout is not (GemmLayout.NN or GemmLayout.TN or GemmLayout.NT))
            throw new ArgumentOutOfRangeException(nameof(layout), $"unknown GEMM layout {layout}.");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            for (var i = 0; i < m; i++)
            {
                var row = c.Slice(i * n, n);
                if (bias.IsEmpty) { if (!accumulate) row.Clear(); }
                else if (accumulate) for (var j = 0; j < n; j++) row[j] += bias[j];
                else bias.CopyTo(row);
            }
            return;
        }

        pool ??= MacPool.Shared;
        var threads = (long)m * n * k >= (n <= NarrowGemm.MaxN ? NarrowParallelThreshold : ParallelThreshold) ? pool.Threads : 1;
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            var args = new GemmArgs(pa, pb, pc, m, n, k, layout, accumulate, bias.IsEmpty ? null : pbias);
            switch (Path)
            {
                case KernelPath.Vector512 when n <= NarrowGemm.MaxN:
                    NarrowGemm.Run<NarrowTile512>(args, pool, threads);
                    break;
                case KernelPath.Vector256 when n <= NarrowGemm.MaxN:
                    NarrowGemm.Run<NarrowTile256>(args, pool, threads);
                    break;
                case KernelPath.Vector512 when n <= 16:
                    GemmDriver<Kernel512x8x16>.Run(args, pool, threads);
                    break;
                case KernelPath.Vector512:
                    GemmDriver<Kernel512x8x32>.Run(args, pool, threads);
                    break;
                case KernelPath.Vector256:
                    GemmDriver<Kernel256x6x16>.Run(args, pool, threads);
                    break;
                default:
                    GemmScalar.Run(args);
                    break;
            }
        }
    }

    /// <summary>
    /// C (m×n) = op(A)·op(B) (+ C) (+ bias) with op(A) packed beforehand (<see cref="GemmPackedA.Pack"/>), bit for bit what
    /// the unpacked call gives. <paramref name="layout"/> is TN for a transposed packed A, NN or NT otherwise.
    /// </summary>
    public static unsafe void Compute(GemmPackedA a, ReadOnlySpan<float> b, Span<float> c, int n, GemmLayout layout,
        bool accumulate = false, ReadOnlySpan<float> bias = default, MacPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Transposed != (layout == GemmLayout.TN) || layout is not (GemmLayout.NN or GemmLayout.TN or GemmLayout.NT))
            throw new ArgumentException($"layout {layout} does not fit a packed A that is {(a.Transposed ? "transposed (use TN)" : "not transposed (use NN or NT)")}.", nameof(layout));
        int m = a.Rows, k = a.Depth;
        var path = Path;
        if (path != a.Path || a.Panels == null || k == 0 || n <= 0 || path == KernelPath.Scalar || n <= NarrowGemm.MaxN)
        {
            Compute(a.Source.Span, b, c, m, n, k, layout, accumulate, bias, pool);
            return;
        }
        GemmShape.Validate(a.Source.Length, b.Length, c.Length, bias.Length, m, n, k);
        if (m == 0) return;
        pool ??= MacPool.Shared;
        var threads = (long)m * n * k >= ParallelThreshold ? pool.Threads : 1;
        fixed (float* pb = b, pc = c, pbias = bias)
        {
            var args = new GemmArgs(null, pb, pc, m, n, k, layout, accumulate, bias.IsEmpty ? null : pbias, a.Panels, a.Stride);
            if (path == KernelPath.Vector512)
            {
                if (n <= 16) GemmDriver<Kernel512x8x16>.Run(args, pool, threads);
                else GemmDriver<Kernel512x8x32>.Run(args, pool, threads);
            }
            else GemmDriver<Kernel256x6x16>.Run(args, pool, threads);
        }
    }
}
