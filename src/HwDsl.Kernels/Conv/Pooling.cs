using System.Numerics;
using System.Runtime.CompilerServices;

namespace HwDsl.Kernels;

/// <summary>
/// Max and average pooling over NCHW images (N × C·H·W, row-major), forward and backward. Images run in parallel on
/// the <see cref="MacPool"/>; nothing is summed across images, so results do not depend on the thread count. Max
/// pooling's backward finds each window's maximum again (the first one in row-major order on ties) rather than
/// keeping indices from the forward pass.
/// </summary>
public static unsafe class Pooling
{
    // Below this many input values per call the work stays on the caller.
    private const int ParallelThreshold = 1 << 16;
    private const int MaxTasks = 16;

    /// <summary>y[n, c, oy, ox] = max over the window at (oy·s, ox·s).</summary>
    public static void MaxForward<T>(ReadOnlySpan<T> x, Span<T> y, int batch, in PoolGeometry g, MacPool? pool = null)
        where T : unmanaged, IFloatingPointIeee754<T> => Dispatch(x, y, default, batch, g, pool, Kind.MaxForward);

    /// <summary>dx += dy at each window's (first) maximum of x.</summary>
    public static void MaxBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int batch, in PoolGeometry g, MacPool? pool = null)
        where T : unmanaged, IFloatingPointIeee754<T> => Dispatch(x, dx, dy, batch, g, pool, Kind.MaxBackward);

    /// <summary>y[n, c, oy, ox] = mean over the window at (oy·s, ox·s).</summary>
    public static void AverageForward<T>(ReadOnlySpan<T> x, Span<T> y, int batch, in PoolGeometry g, MacPool? pool = null)
        where T : unmanaged, IFloatingPointIeee754<T> => Dispatch(x, y, default, batch, g, pool, Kind.AverageForward);

    /// <summary>dx += dy / size² over each window (overlapping windows add up).</summary>
    public static void AverageBackward<T>(ReadOnlySpan<T> dy, Span<T> dx, int batch, in PoolGeometry g, MacPool? pool = null)
        where T : unmanaged, IFloatingPointIeee754<T> => Dispatch(default, dx, dy, batch, g, pool, Kind.AverageBackward);

    private enum Kind { MaxForward, MaxBackward, AverageForward, AverageBackward }

    private static void Dispatch<T>(ReadOnlySpan<T> x, Span<T> output, ReadOnlySpan<T> dy, int batch, in PoolGeometry g, MacPool? pool, Kind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        g.Validate();
        if (batch < 0) throw new ArgumentOutOfRangeException(nameof(batch), $"pool: batch must be ≥ 0; got {batch}.");
        var backward = kind is Kind.MaxBackward or Kind.AverageBackward;
        long inputs = (long)batch * g.InputSize, outputs = (long)batch * g.OutputSize;
        if (kind != Kind.AverageBackward && x.Length < inputs) throw new ArgumentException($"pool: x holds {x.Length} values; {batch} images of {g.InputSize} need {inputs}.");
        if (backward && dy.Length < outputs) throw new ArgumentException($"pool: dy holds {dy.Length} values; {batch} images of {g.OutputSize} need {outputs}.");
        if (output.Length < (backward ? inputs : outputs))
            throw new ArgumentException($"pool: {(backward ? "dx" : "y")} holds {output.Length} values; it needs {(backward ? inputs : outputs)}.");
        if (batch == 0) return;
        var perTask = Math.Max(1, (batch + MaxTasks - 1) / MaxTasks);
        var tasks = (batch + perTask - 1) / perTask;
        fixed (T* px = x, po = output, pdy = dy)
        {
            var task = new PoolTask<T>(px, po, pdy, batch, perTask, g, kind);
            if (inputs >= ParallelThreshold && tasks > 1) (pool ?? MacPool.Shared).Run(tasks, task);
            else for (var t = 0; t < tasks; t++) task.Execute(t);
        }
    }

    private readonly struct PoolTask<T>(T* x, T* output, T* dy, int batch, int perTask, PoolGeometry g, Kind kind) : IMacPoolTask
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            for (int n = index * perTask, end = Math.Min(batch, n + perTask); n < end; n++)
            {
                var xi = x + (long)n * g.InputSize;
                switch (kind)
                {
                    case Kind.MaxForward: MaxImage(xi, output + (long)n * g.OutputSize); break;
                    case Kind.MaxBackward: MaxImageBackward(xi, dy + (long)n * g.OutputSize, output + (long)n * g.InputSize); break;
                    case Kind.AverageForward: AverageImage(xi, output + (long)n * g.OutputSize); break;
                    default: AverageImageBackward(dy + (long)n * g.OutputSize, output + (long)n * g.InputSize); break;
                }
            }
        }

        // Offset in its plane of the first maximum of the window whose top-left corner is at offset `corner`.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int ArgMax(T* plane, int corner, int size, int width)
        {
            var best = corner;
            var max = plane[corner];
            for (var i = 0; i < size; i++)
            {
                var row = plane + corner + i * width;
                for (var j = 0; j < size; j++)
                    if (row[j] > max) { max = row[j]; best = corner + i * width + j; }
            }
            return best;
        }

        // The common 2×2 window without branches: on random data a compare-and-branch per value mispredicts half the time.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static T Max2(T* p, int width) => T.MaxNative(T.MaxNative(p[0], p[1]), T.MaxNative(p[width], p[width + 1]));

        // Offset of the first maximum of a 2×2 window in row-major order, as ArgMax finds it, from flags instead of branches.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int ArgMax2(T* p, int width)
        {
            T a = p[0], b = p[1], c = p[width], d = p[width + 1];
            // Ties go left, then up. Flags as 0/1 bytes: the JIT keeps branches for ?: here, and they mispredict.
            int top = Flag(b > a), bottom = width + Flag(d > c), down = Flag(T.MaxNative(c, d) > T.MaxNative(a, b));
            return top + down * (bottom - top);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Flag(bool value) => Unsafe.BitCast<bool, byte>(value);

        private void MaxImage(T* xi, T* yi)
        {
            int width = g.Width, size = g.Size, stride = g.Stride, oh = g.OutHeight, ow = g.OutWidth, hw = g.Height * width;
            for (var c = 0; c < g.Channels; c++)
            {
                T* plane = xi + c * hw, outPlane = yi + c * oh * ow;
                for (var oy = 0; oy < oh; oy++)
                {
                    var corner = oy * stride * width;
                    var outRow = outPlane + oy * ow;
                    if (size == 2)
                        for (var ox = 0; ox < ow; ox++, corner += stride) outRow[ox] = Max2(plane + corner, width);
                    else
                        for (var ox = 0; ox < ow; ox++, corner += stride) outRow[ox] = plane[ArgMax(plane, corner, size, width)];
                }
            }
        }

        private void MaxImageBackward(T* xi, T* dyi, T* dxi)
        {
            int width = g.Width, size = g.Size, stride = g.Stride, oh = g.OutHeight, ow = g.OutWidth, hw = g.Height * width;
            for (var c = 0; c < g.Channels; c++)
            {
                T* plane = xi + c * hw, gradPlane = dxi + c * hw, outGrad = dyi + c * oh * ow;
                for (var oy = 0; oy < oh; oy++)
                {
                    var corner = oy * stride * width;
                    var gradRow = outGrad + oy * ow;
                    if (size == 2)
                        for (var ox = 0; ox < ow; ox++, corner += stride) gradPlane[corner + ArgMax2(plane + corner, width)] += gradRow[ox];
                    else
                        for (var ox = 0; ox < ow; ox++, corner += stride) gradPlane[ArgMax(plane, corner, size, width)] += gradRow[ox];
                }
            }
        }

        private void AverageImage(T* xi, T* yi)
        {
            int width = g.Width, size = g.Size, stride = g.Stride, oh = g.OutHeight, ow = g.OutWidth, hw = g.Height * width, ohw = oh * ow;
            var scale = T.One / T.CreateChecked(g.Size * g.Size);
            for (var c = 0; c < g.Channels; c++)
            {
                T* plane = xi + c * hw, outPlane = yi + c * ohw;
                for (var oy = 0; oy < oh; oy++)
                for (var ox = 0; ox < ow; ox++)
                {
                    var sum = T.Zero;
                    for (var i = 0; i < size; i++)
                    {
                        var row = plane + (oy * stride + i) * width + ox * stride;
                        for (var j = 0; j < size; j++) sum += row[j];
                    }
                    outPlane[oy * ow + ox] = sum * scale;
                }
            }
        }

        private void AverageImageBackward(T* dyi, T* dxi)
        {
            int width = g.Width, size = g.Size, stride = g.Stride, oh = g.OutHeight, ow = g.OutWidth, hw = g.Height * width, ohw = oh * ow;
            var scale = T.One / T.CreateChecked(g.Size * g.Size);
            for (var c = 0; c < g.Channels; c++)
            {
                T* gradPlane = dxi + c * hw, outGrad = dyi + c * ohw;
                for (var oy = 0; oy < oh; oy++)
                for (var ox = 0; ox < ow; ox++)
                {
                    var share = outGrad[oy * ow + ox] * scale;
                    for (var i = 0; i < size; i++)
                    {
                        var row = gradPlane + (oy * stride + i) * width + ox * stride;
                        for (var j = 0; j < size; j++) row[j] += share;
                    }
                }
            }
        }
    }
}
