using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace HwDsl.Kernels;

/// <summary>
/// 2-D convolution of a batch of NCHW images (N × C·H·W, row-major) with a (C·k·k) × F weight matrix, on the MAC core:
/// per image the patch matrix (<see cref="Im2Col"/>) goes through the packed GEMM, or, for fp32 with stride 1 on AVX2,
/// the image is correlated directly on a padded grid (DirectConv). Images are split into chunks
/// that run in parallel on the <see cref="MacPool"/>; the chunks depend on the batch size alone and the weight
/// gradient is summed chunk by chunk in order, so results are bit-identical for any thread count.
/// </summary>
public static unsafe class Conv2d
{
    // At most this many chunks per batch: enough tasks to balance a noisy machine, few partial weight gradients.
    private const int MaxChunks = 16;

    // Below this many multiply-adds a call runs on its caller alone (as the GEMM does).
    private const long ParallelThreshold = 1L << 20;

    /// <summary>y[n, f, oy, ox] = b[f] + Σ_{c, ki, kj} W[(c·k + ki)·k + kj, f] · x[n, c, oy·s + ki − p, ox·s + kj − p].</summary>
    /// <param name="x">N × (C·H·W) inputs.</param>
    /// <param name="weights">(C·k·k) × F weights.</param>
    /// <param name="bias">F biases, or empty for none.</param>
    /// <param name="y">N × (F·H'·W') outputs, overwritten.</param>
    /// <param name="batch">N.</param>
    /// <param name="g">The convolution's shape.</param>
    /// <param name="pool">Worker pool (all cores when null).</param>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> y, int batch,
        in ConvGeometry g, MacPool? pool = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(x.Length, weights.Length, y.Length, batch, g, "y");
        if (!bias.IsEmpty && bias.Length != g.Filters) throw new ArgumentException($"conv: bias holds {bias.Length} values; {g.Filters} filters need {g.Filters}.");
        if (batch == 0) return;
        pool ??= MacPool.Shared;
        var (chunks, perChunk) = Chunks(batch);
        fixed (T* px = x, pw = weights, pb = bias, py = y)
        {
            if (Direct<T>(g))
                DirectConvTasks.Forward((float*)px, (float*)pw, bias.IsEmpty ? null : (float*)pb, (float*)py, batch, perChunk, chunks, g, pool, Parallel(batch, g));
            else
                Run(pool, chunks, batch, g, new ForwardTask<T>(px, pw, bias.IsEmpty ? null : pb, py, batch, perChunk, g, pool));
        }
    }

    /// <summary>
    /// Adds the gradients of <see cref="Forward{T}"/>'s loss given dy: dx += dL/dx, dW += dL/dW, db += dL/db. Each of
    /// <paramref name="dx"/>, <paramref name="dw"/>, <paramref name="db"/> may be empty, and is then not computed.
    /// </summary>
    /// <param name="x">N × (C·H·W) inputs of the forward pass.</param>
    /// <param name="weights">(C·k·k) × F weights.</param>
    /// <param name="dy">N × (F·H'·W') output gradient.</param>
    /// <param name="dx">N × (C·H·W) input gradient, added to (or empty).</param>
    /// <param name="dw">(C·k·k) × F weight gradient, added to (or empty).</param>
    /// <param name="db">F bias gradient, added to (or empty).</param>
    /// <param name="batch">N.</param>
    /// <param name="g">The convolution's shape.</param>
    /// <param name="pool">Worker pool (all cores when null).</param>
    public static void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dw, Span<T> db,
        int batch, in ConvGeometry g, MacPool? pool = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(x.Length, weights.Length, dy.Length, batch, g, "dy");
        if (!dx.IsEmpty && dx.Length < batch * g.InputSize) throw new ArgumentException($"conv: dx holds {dx.Length} values; {batch} images need {batch * g.InputSize}.");
        if (!dw.IsEmpty && dw.Length != g.PatchSize * g.Filters) throw new ArgumentException($"conv: dW holds {dw.Length} values; it must hold {g.PatchSize * g.Filters}.");
        if (!db.IsEmpty && db.Length != g.Filters) throw new ArgumentException($"conv: db holds {db.Length} values; it must hold {g.Filters}.");
        if (batch == 0 || (dx.IsEmpty && dw.IsEmpty && db.IsEmpty)) return;
        pool ??= MacPool.Shared;
        var (chunks, perChunk) = Chunks(batch);
        int weightCount = g.PatchSize * g.Filters, partialSize = weightCount + g.Filters;
        var partials = ArrayPool<T>.Shared.Rent(chunks * partialSize);
        try
        {
            fixed (T* px = x, pw = weights, pdy = dy, pdx = dx, pp = partials)
            {
                if (Direct<T>(g))
                    DirectConvTasks.Backward((float*)px, (float*)pw, (float*)pdy, dx.IsEmpty ? null : (float*)pdx, (float*)pp, !dw.IsEmpty, !db.IsEmpty,
                        batch, perChunk, chunks, g, pool, Parallel(batch, g));
                else
                    Run(pool, chunks, batch, g, new BackwardTask<T>(px, pw, pdy, dx.IsEmpty ? null : pdx, pp, !dw.IsEmpty, !db.IsEmpty, batch, perChunk, g, pool));
            }
            // The partial sums in chunk order; a chunk's weight part is stored F × (C·k·k).
            for (var c = 0; c < chunks; c++)
            {
                var part = partials.AsSpan(c * partialSize, partialSize);
                if (!dw.IsEmpty)
                    for (var f = 0; f < g.Filters; f++)
                    for (var r = 0; r < g.PatchSize; r++)
                        dw[r * g.Filters + f] += part[f * g.PatchSize + r];
                if (!db.IsEmpty) TensorPrimitives.Add(db, part.Slice(weightCount, g.Filters), db);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(partials);
        }
    }

    [ThreadStatic] private static bool t_patchMatrixOnly;

    /// <summary>Tests set this (per thread) to run the patch-matrix path where the direct one would be used.</summary>
    internal static bool PatchMatrixOnly
    {
        get => t_patchMatrixOnly;
        set => t_patchMatrixOnly = value;
    }

    // fp32 stride-1 convolutions run on DirectConv where the CPU has AVX2 and FMA; everything else on patches and the GEMM.
    private static bool Direct<T>(in ConvGeometry g) => typeof(T) == typeof(float) && !t_patchMatrixOnly && DirectConv.Supports(g);

    internal static (int Chunks, int PerChunk) Chunks(int batch)
    {
        var perChunk = Math.Max(1, (batch + MaxChunks - 1) / MaxChunks);
        return ((batch + perChunk - 1) / perChunk, perChunk);
    }

    private static bool Parallel(int batch, in ConvGeometry g) => batch * g.MacsPerImage >= ParallelThreshold;

    private static void Run<TTask>(MacPool pool, int chunks, int batch, in ConvGeometry g, TTask task) where TTask : struct, IMacPoolTask
    {
        if (Parallel(batch, g)) pool.Run(chunks, task);
        else for (var c = 0; c < chunks; c++) task.Execute(c);
    }

    private static void Check(int xLength, int wLength, int yLength, int batch, in ConvGeometry g, string output)
    {
        g.Validate();
        if (batch < 0) throw new ArgumentOutOfRangeException(nameof(batch), $"conv: batch must be ≥ 0; got {batch}.");
        if (xLength < (long)batch * g.InputSize) throw new ArgumentException($"conv: x holds {xLength} values; {batch} images of {g.InputSize} need {(long)batch * g.InputSize}.");
        if (wLength != g.PatchSize * g.Filters) throw new ArgumentException($"conv: W holds {wLength} values; {g} needs {g.PatchSize}×{g.Filters}.");
        if (yLength < (long)batch * g.OutputSize) throw new ArgumentException($"conv: {output} holds {yLength} values; {batch} images of {g.OutputSize} need {(long)batch * g.OutputSize}.");
    }

    private readonly struct ForwardTask<T>(T* x, T* w, T* b, T* y, int batch, int perChunk, ConvGeometry g, MacPool pool) : IMacPoolTask
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int chunk)
        {
            int k = g.PatchSize, f = g.Filters, p = g.Positions;
            var weights = new ReadOnlySpan<T>(w, k * f);
            var col = g.IsPointwise ? null : ConvScratch<T>.Get(ConvScratch<T>.Patches, k * p);
            for (int n = chunk * perChunk, end = Math.Min(batch, n + perChunk); n < end; n++)
            {
                var image = x + (long)n * g.InputSize;
                var output = new Span<T>(y + (long)n * g.OutputSize, g.OutputSize);
                if (col != null) Im2Col.ExpandRaw(image, col, g);
                if (b != null)
                    for (var j = 0; j < f; j++) output.Slice(j * p, p).Fill(b[j]);
                // (F × P) = Wᵀ · patches: W is stored (C·k·k) × F, so it is the TN layout's A.
                MacGemm.Compute<T>(weights, new ReadOnlySpan<T>(col == null ? image : col, k * p), output, f, p, k, GemmLayout.TN, b != null, pool);
            }
        }
    }

    private readonly struct BackwardTask<T>(T* x, T* w, T* dy, T* dx, T* partials, bool weights, bool bias, int batch, int perChunk,
        ConvGeometry g, MacPool pool) : IMacPoolTask where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int chunk)
        {
            int k = g.PatchSize, f = g.Filters, p = g.Positions;
            var part = new Span<T>(partials + (long)chunk * (k * f + f), k * f + f);
            part.Clear();
            var dwT = part[..(k * f)];
            var db = part.Slice(k * f, f);
            var col = weights && !g.IsPointwise ? ConvScratch<T>.Get(ConvScratch<T>.Patches, k * p) : null;
            var dcol = dx != null && !g.IsPointwise ? ConvScratch<T>.Get(ConvScratch<T>.Gradient, k * p) : null;
            var wv = new ReadOnlySpan<T>(w, k * f);
            var first = true;
            for (int n = chunk * perChunk, end = Math.Min(batch, n + perChunk); n < end; n++)
            {
                var image = x + (long)n * g.InputSize;
                var grad = new ReadOnlySpan<T>(dy + (long)n * g.OutputSize, g.OutputSize);
                if (weights)
                {
                    if (col != null) Im2Col.ExpandRaw(image, col, g);
                    // dWᵀ (F × C·k·k) += dy (F × P) · patchesᵀ; the patch matrix is (C·k·k) × P, the NT layout's B.
                    MacGemm.Compute<T>(grad, new ReadOnlySpan<T>(col == null ? image : col, k * p), dwT, f, k, p, GemmLayout.NT, !first, pool);
                    first = false;
                }
                if (bias)
                    for (var j = 0; j < f; j++) db[j] += TensorPrimitives.Sum(grad.Slice(j * p, p));
                if (dx != null)
                {
                    var dimage = dx + (long)n * g.InputSize;
                    if (dcol == null) MacGemm.Compute<T>(wv, grad, new Span<T>(dimage, g.InputSize), k, p, f, GemmLayout.NN, true, pool);
                    else
                    {
                        // d(patches) (C·k·k × P) = W · dy, then folded back onto the image.
                        MacGemm.Compute<T>(wv, grad, new Span<T>(dcol, k * p), k, p, f, GemmLayout.NN, false, pool);
                        Im2Col.FoldRaw(dcol, dimage, g);
                    }
                }
            }
        }
    }
}
