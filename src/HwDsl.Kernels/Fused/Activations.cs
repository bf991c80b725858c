using System.Numerics;
using System.Numerics.Tensors;

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
    public static void ReluBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
        => GradientRules.Accumulate(y, dy, dx, new ReluRule<T>());

    /// <summary>y = clamp(x, lo, hi) (clipped ReLU when lo = 0).</summary>
    public static void HardClip<T>(ReadOnlySpan<T> x, T lo, T hi, Span<T> y) where T : IFloatingPointIeee754<T>
    {
        if (x.IsEmpty) return;
        TensorPrimitives.Max(x, lo, y);
        TensorPrimitives.Min(y, hi, y);
    }

    /// <summary>dx += dy where lo &lt; x &lt; hi (the gradient is zero where the clip is active).</summary>
    public static void HardClipBackward<T>(ReadOnlySpan<T> x, T lo, T hi, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
        => GradientRules.Accumulate(x, dy, dx, new PassInsideRule<T>(lo, hi));

    /// <summary>y = tanh(x).</summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
    {
        if (!x.IsEmpty) TensorPrimitives.Tanh(x, y);
    }

    /// <summary>dx += dy · (1 − y²) (y is the tanh output).</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
        => GradientRules.Accumulate(y, dy, dx, new TanhRule<T>());

    /// <summary>y = 1 / (1 + e^−x).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
    {
        if (!x.IsEmpty) TensorPrimitives.Sigmoid(x, y);
    }

    /// <summary>dx += dy · y · (1 − y) (y is the sigmoid output).</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
        => GradientRules.Accumulate(y, dy, dx, new SigmoidRule<T>());

    private readonly struct ReluRule<T> : IGradientRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Vector<T> Invoke(Vector<T> y, Vector<T> dy) => Vector.ConditionalSelect(Vector.GreaterThan(y, Vector<T>.Zero), dy, Vector<T>.Zero);
        public T Invoke(T y, T dy) => y > T.Zero ? dy : T.Zero;
    }

    /// <summary>Passes dy where lo &lt; v &lt; hi: the straight-through rule of a clip (and of quantizers built on one).</summary>
    public readonly struct PassInsideRule<T>(T lo, T hi) : IGradientRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        /// <inheritdoc />
        public Vector<T> Invoke(Vector<T> v, Vector<T> dy)
            => Vector.ConditionalSelect(Vector.BitwiseAnd(Vector.GreaterThan(v, new Vector<T>(lo)), Vector.LessThan(v, new Vector<T>(hi))), dy, Vector<T>.Zero);

        /// <inheritdoc />
        public T Invoke(T v, T dy) => v > lo && v < hi ? dy : T.Zero;
    }

    private readonly struct TanhRule<T> : IGradientRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Vector<T> Invoke(Vector<T> y, Vector<T> dy) => dy * (Vector<T>.One - y * y);
        public T Invoke(T y, T dy) => dy * (T.One - y * y);
    }

    private readonly struct SigmoidRule<T> : IGradientRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Vector<T> Invoke(Vector<T> y, Vector<T> dy) => dy * y * (Vector<T>.One - y);
        public T Invoke(T y, T dy) => dy * y * (T.One - y);
    }
}
