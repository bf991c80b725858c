using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// Stride-1 fp32 convolution without a patch matrix. The image is zero-padded onto a grid of width W + 2p and flattened,
/// so tap (c, ki, kj) is a fixed offset into it and output position q = oy·Wp + ox reads x[q + offset]: every product
/// runs over contiguous vectors. Positions with ox ≥ W' are computed too and thrown away (forward) or meet a zero
/// gradient (weights, input), which costs W'/Wp of the work and saves building and packing (C·k·k) × (H'·W') patches.
/// The input gradient forms the patch gradient W · dy on the same grid and folds it back with one shifted vector add
/// per tap.
/// </summary>
internal static unsafe class DirectConv
{
    public const int Block = 6;     // filters per register tile
    private const int Positions = 16;

    public static bool Supports(in ConvGeometry g) => g.Stride == 1 && Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>Floats of a padded, flattened image of <paramref name="channels"/> planes, with the zero slack the tiles read past its end.</summary>
    public static int PaddedLength(int channels, int plane, int kernel) => channels * plane + kernel + 2 * Positions;

    /// <summary>Rounds a position count up to whole 16-position tiles.</summary>
    public static int Tiles(int positions) => (positions + Positions - 1) / Positions * Positions;

    /// <summary>Copies C planes of h×w onto a zeroed grid of (h + 2·pad) × (w + 2·pad) per plane, zero slack after.</summary>
    public static void Pad(float* src, int channels, int h, int w, int pad, int kernel, float* dst)
    {
        int wp = w + 2 * pad, plane = (h + 2 * pad) * wp;
        new Span<float>(dst, PaddedLength(channels, plane, kernel)).Clear();
        for (var c = 0; c < channels; c++)
        for (var y = 0; y < h; y++)
            new ReadOnlySpan<float>(src + (c * h + y) * w, w).CopyTo(new Span<float>(dst + c * plane + (y + pad) * wp + pad, w));
    }

    /// <summary>offsets[(c·k + ki)·k + kj] = c·plane + ki·wp + kj.</summary>
    public static void Offsets(int channels, int kernel, int wp, int plane, int* offsets)
    {
        var r = 0;
        for (var c = 0; c < channels; c++)
        for (var ki = 0; ki < kernel; ki++)
        for (var kj = 0; kj < kernel; kj++)
            offsets[r++] = c * plane + ki * wp + kj;
    }

    /// <summary>Weights (K × F, row-major) in blocks of 6 filters: pack[(b·K + r)·6 + j] = w[r, 6b + j], zero past F.</summary>
    public static void PackFilters(float* w, int taps, int filters, float* pack)
    {
        var blocks = (filters + Block - 1) / Block;
        for (var b = 0; b < blocks; b++)
        for (var r = 0; r < taps; r++)
        for (var j = 0; j < Block; j++)
        {
            var f = b * Block + j;
            pack[(b * taps + r) * Block + j] = f < filters ? w[r * filters + f] : 0f;
        }
    }

    /// <summary>
    /// The weights' rows in blocks of 6, for the patch gradient d(patches) = W · dy as a correlation whose taps are the
    /// F filters: pack[(b·F + f)·6 + j] = w[6b + j, f], zero past the K rows.
    /// </summary>
    public static void PackRows(float* w, int rows, int filters, float* pack)
    {
        var blocks = (rows + Block - 1) / Block;
        for (var b = 0; b < blocks; b++)
        for (var f = 0; f < filters; f++)
        for (var j = 0; j < Block; j++)
        {
            var r = b * Block + j;
            pack[(b * filters + f) * Block + j] = r < rows ? w[r * filters + f] : 0f;
        }
    }

    /// <summary>x[offsets[r] + q] += patches[r·ld + q] for every tap r in order and q in [0, positions): the patch gradient folded onto the padded grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(float* patches, int ld, int* offsets, int taps, int positions, float* x)
    {
        for (var r = 0; r < taps; r++)
        {
            float* src = patches + r * ld, dst = x + offsets[r];
            var q = 0;
            for (; q <= positions - 8; q += 8) Vector256.Store(Vector256.Load(dst + q) + Vector256.Load(src + q), dst + q);
            for (; q < positions; q++) dst[q] += src[q];
        }
    }

    /// <summary>
    /// output[f·ld + q] = Σ_r pack(r, f) · x[offsets[r] + q] for f below 6·blocks and q in [0, positions), positions a
    /// multiple of 16. Each sum runs over r in order with FMA.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Correlate(float* x, int* offsets, int taps, float* pack, int blocks, float* output, int ld, int positions)
    {
        for (var b = 0; b < blocks; b++)
        {
            var wb = pack + b * taps * Block;
            var ob = output + b * Block * ld;
            for (var q = 0; q < positions; q += Positions)
            {
                var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
                var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
                var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
                var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
                var c40 = Vector256<float>.Zero; var c41 = Vector256<float>.Zero;
                var c50 = Vector256<float>.Zero; var c51 = Vector256<float>.Zero;
                var xq = x + q;
                var w = wb;
                for (var r = 0; r < taps; r++, w += Block)
                {
                    var p = xq + offsets[r];
                    var x0 = Vector256.Load(p);
                    var x1 = Vector256.Load(p + 8);
                    var a = Vector256.Create(w[0]);
                    c00 = Vector256.FusedMultiplyAdd(a, x0, c00);
                    c01 = Vector256.FusedMultiplyAdd(a, x1, c01);
                    a = Vector256.Create(w[1]);
                    c10 = Vector256.FusedMultiplyAdd(a, x0, c10);
                    c11 = Vector256.FusedMultiplyAdd(a, x1, c11);
                    a = Vector256.Create(w[2]);
                    c20 = Vector256.FusedMultiplyAdd(a, x0, c20);
                    c21 = Vector256.FusedMultiplyAdd(a, x1, c21);
                    a = Vector256.Create(w[3]);
                    c30 = Vector256.FusedMultiplyAdd(a, x0, c30);
                    c31 = Vector256.FusedMultiplyAdd(a, x1, c31);
                    a = Vector256.Create(w[4]);
                    c40 = Vector256.FusedMultiplyAdd(a, x0, c40);
                    c41 = Vector256.FusedMultiplyAdd(a, x1, c41);
                    a = Vector256.Create(w[5]);
                    c50 = Vector256.FusedMultiplyAdd(a, x0, c50);
                    c51 = Vector256.FusedMultiplyAdd(a, x1, c51);
                }
                var o = ob + q;
                Vector256.Store(c00, o); Vector256.Store(c01, o + 8); o += ld;
                Vector256.Store(c10, o); Vector256.Store(c11, o + 8); o += ld;
                Vector256.Store(c20, o); Vector256.Store(c21, o + 8); o += ld;
                Vector256.Store(c30, o); Vector256.Store(c31, o + 8); o += ld;
                Vector256.Store(c40, o); Vector256.Store(c41, o + 8); o += ld;
                Vector256.Store(c50, o); Vector256.Store(c51, o + 8);
            }
        }
    }

    /// <summary>
    /// partial[f·taps + r] += Σ_n Σ_q x_n[offsets[r] + q] · dy_n[f·ld + q] over <paramref name="images"/> images (x_n at
    /// x + n·xStride, dy_n at dy + n·dyStride) and q in [0, positions), positions a multiple of 8, for f below 6·blocks
    /// (dy holds that many rows, those past F zero). Each sum runs image by image and over q in 8 lanes, in order, then
    /// across the lanes in a fixed order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gradient(float* x, int xStride, int* offsets, int taps, float* dy, int dyStride, int ld, int images, int filters,
        int blocks, int positions, float* partial)
    {
        for (var r0 = 0; r0 < taps; r0 += 2)
        {
            var r1 = Math.Min(r0 + 1, taps - 1);
            for (var b = 0; b < blocks; b++)
            {
                var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
                var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
                var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
                var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
                var c40 = Vector256<float>.Zero; var c41 = Vector256<float>.Zero;
                var c50 = Vector256<float>.Zero; var c51 = Vector256<float>.Zero;
                for (var n = 0; n < images; n++)
                {
                    float* x0 = x + n * xStride + offsets[r0], x1 = x + n * xStride + offsets[r1];
                    // Row pointers hoisted: the JIT recomputes d + k·ld in the loop otherwise (a third more instructions).
                    float* d0 = dy + n * dyStride + b * Block * ld, d1 = d0 + ld, d2 = d1 + ld, d3 = d2 + ld, d4 = d3 + ld, d5 = d4 + ld;
                    for (var q = 0; q < positions; q += 8)
                    {
                        var a = Vector256.Load(x0 + q);
                        var e = Vector256.Load(x1 + q);
                        var g = Vector256.Load(d0 + q);
                        c00 = Vector256.FusedMultiplyAdd(a, g, c00);
                        c01 = Vector256.FusedMultiplyAdd(e, g, c01);
                        g = Vector256.Load(d1 + q);
                        c10 = Vector256.FusedMultiplyAdd(a, g, c10);
                        c11 = Vector256.FusedMultiplyAdd(e, g, c11);
                        g = Vector256.Load(d2 + q);
                        c20 = Vector256.FusedMultiplyAdd(a, g, c20);
                        c21 = Vector256.FusedMultiplyAdd(e, g, c21);
                        g = Vector256.Load(d3 + q);
                        c30 = Vector256.FusedMultiplyAdd(a, g, c30);
                        c31 = Vector256.FusedMultiplyAdd(e, g, c31);
                        g = Vector256.Load(d4 + q);
                        c40 = Vector256.FusedMultiplyAdd(a, g, c40);
                        c41 = Vector256.FusedMultiplyAdd(e, g, c41);
                        g = Vector256.Load(d5 + q);
                        c50 = Vector256.FusedMultiplyAdd(a, g, c50);
                        c51 = Vector256.FusedMultiplyAdd(e, g, c51);
                    }
                }
                var f0 = b * Block;
                Add(partial, taps, filters, f0, r0, r1, c00, c01);
                Add(partial, taps, filters, f0 + 1, r0, r1, c10, c11);
                Add(partial, taps, filters, f0 + 2, r0, r1, c20, c21);
                Add(partial, taps, filters, f0 + 3, r0, r1, c30, c31);
                Add(partial, taps, filters, f0 + 4, r0, r1, c40, c41);
                Add(partial, taps, filters, f0 + 5, r0, r1, c50, c51);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(float* partial, int taps, int filters, int f, int r0, int r1, Vector256<float> s0, Vector256<float> s1)
    {
        if (f >= filters) return;
        partial[f * taps + r0] += Vector256.Sum(s0);
        if (r1 != r0) partial[f * taps + r1] += Vector256.Sum(s1);
    }
}
