using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>
/// Elementwise activations and their backward rules as span kernels. Backward kernels accumulate into
/// dx (dx += dy · f'(x)), so several consumers of one tensor add their gradients without extra passes.
/// </summary>
public static class Activations
{
    /// <summary>y = max(x, 0).</summary>
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
        {
        if (!x.IsEmpty) TensorPrimitives.Max(x, T.Zero, y);
    }

    /// <summary>dx += dy where y &gt; 0 (y is the ReLU output).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReluBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(y.Length, dy.Length, dx.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<T>.Count)
        {
            var vy = MemoryMarshal.Cast<T, Vector<T>>(y);
            var vdy = MemoryMarshal.Cast<T, Vector<T>>(dy);
            var vdx = MemoryMarshal.Cast<T, Vector<T>>(dx);
            for (var v = 0; v < vy.Length; v++)
                vdx[v] += Vector.ConditionalSelect(Vector.GreaterThan(vy[v], Vector<T>.Zero), vdy[v], Vector<T>.Zero);
            i = vy.Length * Vector<T>.Count;
        }
        for (; i < y.Length; i++)
            if (y[i] > T.Zero) dx[i] += dy[i];
    }

    /// <summary>y = clamp(x, lo, hi) (clipped ReLU when lo = 0).</summary>
    public static void HardClip<T>(ReadOnlySpan<T> x, T lo, T hi, Span<T> y) where T : IFloatingPointIeee754<T>
    {
        if (x.IsEmpty) return;
        TensorPrimitives.Max(x, lo, y);
        TensorPrimitives.Min(y, hi, y);
    }

    /// <summary>dx += dy where lo &lt; x &lt; hi (the gradient is zero where the clip is active).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HardClipBackward<T>(ReadOnlySpan<T> x, T lo, T hi, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(x.Length, dy.Length, dx.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vlo = new Vector<T>(lo);
            var vhi = new Vector<T>(hi);
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vdy = MemoryMarshal.Cast<T, Vector<T>>(dy);
            var vdx = MemoryMarshal.Cast<T, Vector<T>>(dx);
            for (var v = 0; v < vx.Length; v++)
            {
                var inside = Vector.BitwiseAnd(Vector.GreaterThan(vx[v], vlo), Vector.LessThan(vx[v], vhi));
                vdx[v] += Vector.ConditionalSelect(inside, vdy[v], Vector<T>.Zero);
            }
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++)
            if (x[i] > lo && x[i] < hi) dx[i] += dy[i];
    }

    /// <summary>y = tanh(x).</summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>, IHyperbolicFunctions<T>
        {
        if (!x.IsEmpty) TensorPrimitives.Tanh(x, y);
    }

    /// <summary>dx += dy · (1 − y²) (y is the tanh output).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TanhBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(y.Length, dy.Length, dx.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<T>.Count)
        {
            var vy = MemoryMarshal.Cast<T, Vector<T>>(y);
            var vdy = MemoryMarshal.Cast<T, Vector<T>>(dy);
            var vdx = MemoryMarshal.Cast<T, Vector<T>>(dx);
            for (var v = 0; v < vy.Length; v++)
                vdx[v] += vdy[v] * (Vector<T>.One - vy[v] * vy[v]);
            i = vy.Length * Vector<T>.Count;
        }
        for (; i < y.Length; i++) dx[i] += dy[i] * (T.One - y[i] * y[i]);
    }

    /// <summary>y = 1 / (1 + e^−x).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>, IExponentialFunctions<T>
        {
        if (!x.IsEmpty) TensorPrimitives.Sigmoid(x, y);
    }

    /// <summary>dx += dy · y · (1 − y) (y is the sigmoid output).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SigmoidBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(y.Length, dy.Length, dx.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<T>.Count)
        {
            var vy = MemoryMarshal.Cast<T, Vector<T>>(y);
            var vdy = MemoryMarshal.Cast<T, Vector<T>>(dy);
            var vdx = MemoryMarshal.Cast<T, Vector<T>>(dx);
            for (var v = 0; v < vy.Length; v++)
                vdx[v] += vdy[v] * vy[v] * (Vector<T>.One - vy[v]);
            i = vy.Length * Vector<T>.Count;
        }
        for (; i < y.Length; i++) dx[i] += dy[i] * y[i] * (T.One - y[i]);
    }

    internal static void CheckLengths(int a, int b, int c)
    {
        if (a != b || a != c) throw new ArgumentException($"span lengths differ: {a}, {b}, {c}.");
    }
}
