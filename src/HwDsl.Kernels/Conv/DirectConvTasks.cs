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
        int k = g.Kernel, pad = k - 1 - g.Padding, taps = g.PatchSize, flippedTaps = g.Filters * k * k;
        int channelBlocks = (g.Channels + DirectConv.Block - 1) / DirectConv.Block;
        var layout = Layout.Of(g);
        // The output gradient padded by k − 1 − p, on which the input gradient is a stride-1 correlation.
        var back = new Layout(g.OutWidth + 2 * pad, (g.OutHeight + 2 * pad) * (g.OutWidth + 2 * pad), g.Height * (g.OutWidth + 2 * pad));
        var offsets = ArrayPool<int>.Shared.Rent(taps + flippedTaps);
        var pack = ArrayPool<float>.Shared.Rent(dx != null ? channelBlocks * DirectConv.Block * flippedTaps : 1);
        try
        {
            fixed (int* po = offsets)
            fixed (float* pp = pack)
            {
                DirectConv.Offsets(g.Channels, k, layout.Wp, layout.Plane, po);
                DirectConv.Offsets(g.Filters, k, back.Wp, back.Plane, po + taps);
                if (dx != null) DirectConv.PackFlipped(w, g.Channels, g.Filters, k, pp);
                var task = new BackwardTask(x, dy, dx, partials, po, po + taps, pp, weights, bias, batch, perChunk, g, layout, back);
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

    private readonly struct BackwardTask(float* x, float* dy, float* dx, float* partials, int* offsets, int* flippedOffsets, float* flipped,
        bool weights, bool bias, int batch, int perChunk, ConvGeometry g, Layout layout, Layout back) : IMacPoolTask
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int chunk)
        {
            int k = g.Kernel, f = g.Filters, taps = g.PatchSize, p = g.Positions, oh = g.OutHeight, ow = g.OutWidth;
            int blocks = (f + DirectConv.Block - 1) / DirectConv.Block, channelBlocks = (g.Channels + DirectConv.Block - 1) / DirectConv.Block;
            var part = new Span<float>(partials + (long)chunk * (taps * f + f), taps * f + f);
            part.Clear();
            fixed (float* dwT = part)
            {
                var db = dwT + taps * f;
                // Weight gradient: the output gradient on the input's padded grid, zero where ox ≥ W' and in the extra filter rows.
                int gradLength = (layout.Grid + 7) & ~7;
                var padded = weights ? ConvScratch<float>.Get(ConvScratch<float>.Padded, DirectConv.PaddedLength(g.Channels, layout.Plane, k)) : null;
                var gridded = weights ? ConvScratch<float>.Get(ConvScratch<float>.Gradient, blocks * DirectConv.Block * gradLength) : null;
                // Input gradient: the output gradient padded by k − 1 − p, and the correlation's output grid.
                int backPositions = DirectConv.Tiles(back.Grid), pad = k - 1 - g.Padding;
                var spread = dx != null ? ConvScratch<float>.Get(ConvScratch<float>.Patches, DirectConv.PaddedLength(f, back.Plane, k)) : null;
                var grid = dx != null ? ConvScratch<float>.Get(ConvScratch<float>.Grid, channelBlocks * DirectConv.Block * backPositions) : null;
                if (gridded != null) new Span<float>(gridded, blocks * DirectConv.Block * gradLength).Clear();

                for (int n = chunk * perChunk, end = Math.Min(batch, n + perChunk); n < end; n++)
                {
                    var grad = dy + (long)n * g.OutputSize;
                    if (weights)
                    {
                        DirectConv.Pad(x + (long)n * g.InputSize, g.Channels, g.Height, g.Width, g.Padding, k, padded);
                        for (var j = 0; j < f; j++)
                        for (var oy = 0; oy < oh; oy++)
                            new ReadOnlySpan<float>(grad + j * p + oy * ow, ow).CopyTo(new Span<float>(gridded + j * gradLength + oy * layout.Wp, ow));
                        DirectConv.Gradient(padded, offsets, taps, gridded, gradLength, f, blocks, gradLength, dwT);
                    }
                    if (bias)
                        for (var j = 0; j < f; j++) db[j] += TensorPrimitives.Sum(new ReadOnlySpan<float>(grad + j * p, p));
                    if (dx != null)
                    {
                        DirectConv.Pad(grad, f, oh, ow, pad, k, spread);
                        DirectConv.Correlate(spread, flippedOffsets, f * k * k, flipped, channelBlocks, grid, backPositions, backPositions);
                        var target = dx + (long)n * g.InputSize;
                        for (var c = 0; c < g.Channels; c++)
                        for (var iy = 0; iy < g.Height; iy++)
                        {
                            var src = new ReadOnlySpan<float>(grid + c * backPositions + iy * back.Wp, g.Width);
                            var dst = new Span<float>(target + (c * g.Height + iy) * g.Width, g.Width);
                            TensorPrimitives.Add(dst, src, dst);
                        }
                    }
                }
            }
        }
    }
}
