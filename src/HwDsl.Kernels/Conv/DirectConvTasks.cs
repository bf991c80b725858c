using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace HwDsl.Kernels;

/// <summary>
/// <see cref="Conv2d"/>'s fp32 stride-1 path on <see cref="DirectConv"/>: the same chunks of images as the patch-matrix
/// path, the weight gradient summed image by image inside a chunk and chunk by chunk after, so results do not depend
/// on the thread count.
/// </summary>
internal static unsafe class DirectConvTasks
{
    // The padded grid the input lives on, and the output positions computed on it.
    private readonly record struct Layout(int Wp, int Plane, int Grid)
    {
        public static Layout Of(in ConvGeometry g)
        {
            int wp = g.Width + 2 * g.Padding, plane = (g.Height + 2 * g.Padding) * wp;
            return new Layout(wp, plane, g.OutHeight * wp);
        }
    }

    public static void Forward(float* x, float* w, float* b, float* y, int batch, int perChunk, int chunks, in ConvGeometry g,
        MacPool pool, bool parallel)
    {
        int taps = g.PatchSize, blocks = (g.Filters + DirectConv.Block - 1) / DirectConv.Block;
        var layout = Layout.Of(g);
        var offsets = ArrayPool<int>.Shared.Rent(taps);
        var pack = ArrayPool<float>.Shared.Rent(blocks * DirectConv.Block * taps);
        try
        {
            fixed (int* po = offsets)
            fixed (float* pp = pack)
            {
                DirectConv.Offsets(g.Channels, g.Kernel, layout.Wp, layout.Plane, po);
                DirectConv.PackFilters(w, taps, g.Filters, pp);
                var task = new ForwardTask(x, b, y, po, pp, blocks, batch, perChunk, g, layout);
                if (parallel) pool.Run(chunks, task);
                else for (var c = 0; c < chunks; c++) task.Execute(c);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<float>.Shared.Return(pack);
        }
    }

    public static void Backward(float* x, float* w, float* dy, float* dx, float* partials, bool weights, bool bias, int batch,
        int perChunk, int chunks, in ConvGeometry g, MacPool pool, bool parallel)
    {
        int taps = g.PatchSize, rowBlocks = (taps + DirectConv.Block - 1) / DirectConv.Block;
        var layout = Layout.Of(g);
        var positions = DirectConv.Tiles(layout.Grid);
        var offsets = ArrayPool<int>.Shared.Rent(taps + g.Filters);
        var pack = ArrayPool<float>.Shared.Rent(dx != null ? rowBlocks * DirectConv.Block * g.Filters : 1);
        try
        {
            fixed (int* po = offsets)
            fixed (float* pp = pack)
            {
                DirectConv.Offsets(g.Channels, g.Kernel, layout.Wp, layout.Plane, po);
                // The patch gradient W · dy is a correlation whose taps are the F rows of the gridded dy.
                for (var f = 0; f < g.Filters; f++) po[taps + f] = f * positions;
                if (dx != null) DirectConv.PackRows(w, taps, g.Filters, pp);
                var task = new BackwardTask(x, dy, dx, partials, po, pp, weights, bias, batch, perChunk, g, layout);
                if (parallel) pool.Run(chunks, task);
                else for (var c = 0; c < chunks; c++) task.Execute(c);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<float>.Shared.Return(pack);
        }
    }

    private readonly struct ForwardTask(float* x, float* b, float* y, int* offsets, float* pack, int blocks, int batch, int perChunk,
        ConvGeometry g, Layout layout) : IMacPoolTask
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int chunk)
        {
            int oh = g.OutHeight, ow = g.OutWidth, positions = DirectConv.Tiles(layout.Grid), p = g.Positions;
            var padded = ConvScratch<float>.Get(ConvScratch<float>.Padded, DirectConv.PaddedLength(g.Channels, layout.Plane, g.Kernel));
            var grid = ConvScratch<float>.Get(ConvScratch<float>.Grid, blocks * DirectConv.Block * positions);
            for (int n = chunk * perChunk, end = Math.Min(batch, n + perChunk); n < end; n++)
            {
                DirectConv.Pad(x + (long)n * g.InputSize, g.Channels, g.Height, g.Width, g.Padding, g.Kernel, padded);
                DirectConv.Correlate(padded, offsets, g.PatchSize, pack, blocks, grid, positions, positions);
                var output = y + (long)n * g.OutputSize;
                for (var f = 0; f < g.Filters; f++)
                {
                    var bias = b == null ? 0f : b[f];
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var src = new ReadOnlySpan<float>(grid + f * positions + oy * layout.Wp, ow);
                        var dst = new Span<float>(output + f * p + oy * ow, ow);
                        if (b == null) src.CopyTo(dst);
                        else TensorPrimitives.Add(src, bias, dst);
                    }
                }
            }
        }
    }

    private readonly struct BackwardTask(float* x, float* dy, float* dx, float* partials, int* offsets, float* rows,
        bool weights, bool bias, int batch, int perChunk, ConvGeometry g, Layout layout) : IMacPoolTask
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int chunk)
        {
            int k = g.Kernel, f = g.Filters, taps = g.PatchSize, p = g.Positions, oh = g.OutHeight, ow = g.OutWidth;
            int blocks = (f + DirectConv.Block - 1) / DirectConv.Block, rowBlocks = (taps + DirectConv.Block - 1) / DirectConv.Block;
            int first = chunk * perChunk, images = Math.Min(batch, first + perChunk) - first;
            var part = new Span<float>(partials + (long)chunk * (taps * f + f), taps * f + f);
            part.Clear();
            fixed (float* dwT = part)
            {
                var db = dwT + taps * f;
                // Every image of the chunk on its grids: x padded, dy on x's grid (zero where ox ≥ W', past the last
                // position and in the filter rows past F), so the weight gradient sums over all of them in one pass.
                int positions = DirectConv.Tiles(layout.Grid), xStride = (DirectConv.PaddedLength(g.Channels, layout.Plane, k) + 7) & ~7;
                int dyStride = blocks * DirectConv.Block * positions;
                var padded = weights ? ConvScratch<float>.Get(ConvScratch<float>.Padded, images * xStride) : null;
                var gridded = ConvScratch<float>.Get(ConvScratch<float>.Gradient, images * dyStride);
                new Span<float>(gridded, images * dyStride).Clear();
                for (var i = 0; i < images; i++)
                {
                    var n = first + i;
                    var grad = dy + (long)n * g.OutputSize;
                    if (weights) DirectConv.Pad(x + (long)n * g.InputSize, g.Channels, g.Height, g.Width, g.Padding, k, padded + i * xStride);
                    for (var j = 0; j < f; j++)
                    for (var oy = 0; oy < oh; oy++)
                        new ReadOnlySpan<float>(grad + j * p + oy * ow, ow).CopyTo(new Span<float>(gridded + i * dyStride + j * positions + oy * layout.Wp, ow));
                    if (bias)
                        for (var j = 0; j < f; j++) db[j] += TensorPrimitives.Sum(new ReadOnlySpan<float>(grad + j * p, p));
                }
                if (weights)
                    DirectConv.Gradient(padded, xStride, offsets, taps, gridded, dyStride, positions, images, f, blocks, (layout.Grid + 7) & ~7, dwT);
                if (dx == null) return;

                // Input gradient: d(patches) = W · dy on the grid, folded onto a padded image, then the padding cut off.
                var patches = ConvScratch<float>.Get(ConvScratch<float>.Grid, rowBlocks * DirectConv.Block * positions);
                var image = ConvScratch<float>.Get(ConvScratch<float>.Patches, DirectConv.PaddedLength(g.Channels, layout.Plane, k));
                for (var i = 0; i < images; i++)
                {
                    DirectConv.Correlate(gridded + i * dyStride, offsets + taps, f, rows, rowBlocks, patches, positions, positions);
                    new Span<float>(image, DirectConv.PaddedLength(g.Channels, layout.Plane, k)).Clear();
                    DirectConv.Fold(patches, positions, offsets, taps, positions, image);
                    var target = dx + (long)(first + i) * g.InputSize;
                    for (var c = 0; c < g.Channels; c++)
                    for (var iy = 0; iy < g.Height; iy++)
                    {
                        var src = new ReadOnlySpan<float>(image + c * layout.Plane + (iy + g.Padding) * layout.Wp + g.Padding, g.Width);
                        var dst = new Span<float>(target + (c * g.Height + iy) * g.Width, g.Width);
                        TensorPrimitives.Add(dst, src, dst);
                    }
                }
            }
        }
    }
}
