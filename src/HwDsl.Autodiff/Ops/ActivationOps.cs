using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>y = max(x, 0); dx += dy where y &gt; 0.</summary>
public sealed class ReluOp<T>(Tensor<T> x, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x)
    {
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad);
        Activations.Relu<T>(x.Values, y.Values);
        tape.Record(new ReluOp<T>(x, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape) => Activations.ReluBackward<T>(y.Values, y.Gradient, tape.GradientOf(x));
}

/// <summary>y = tanh(x); dx += dy·(1 − y²).</summary>
public sealed class TanhOp<T>(Tensor<T> x, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x)
    {
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad);
        Activations.Tanh<T>(x.Values, y.Values);
        tape.Record(new TanhOp<T>(x, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape) => Activations.TanhBackward<T>(y.Values, y.Gradient, tape.GradientOf(x));
}

/// <summary>y = σ(x) = 1/(1 + e^−x); dx += dy·y·(1 − y).</summary>
public sealed class SigmoidOp<T>(Tensor<T> x, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x)
    {
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad);
        Activations.Sigmoid<T>(x.Values, y.Values);
        tape.Record(new SigmoidOp<T>(x, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape) => Activations.SigmoidBackward<T>(y.Values, y.Gradient, tape.GradientOf(x));
}

/// <summary>y = clamp(x, lo, hi) (clipped ReLU with lo = 0); dx += dy where lo &lt; x &lt; hi.</summary>
public sealed class HardClipOp<T>(Tensor<T> x, Tensor<T> y, T lo, T hi) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, T lo, T hi)
    {
        if (!(lo < hi)) throw new ArgumentException($"hard clip needs lo < hi; got lo = {lo}, hi = {hi}.");
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad);
        Activations.HardClip<T>(x.Values, lo, hi, y.Values);
        tape.Record(new HardClipOp<T>(x, y, lo, hi), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape) => Activations.HardClipBackward<T>(x.Values, lo, hi, y.Gradient, tape.GradientOf(x));
}

/// <summary>The activation ops on a tape.</summary>
public static class ActivationExtensions
{
    /// <summary>ReLU.</summary>
    public static Tensor<T> Relu<T>(this Tape<T> tape, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => ReluOp<T>.Forward(tape, x);

    /// <summary>Hyperbolic tangent.</summary>
    public static Tensor<T> Tanh<T>(this Tape<T> tape, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => TanhOp<T>.Forward(tape, x);

    /// <summary>Logistic sigmoid.</summary>
    public static Tensor<T> Sigmoid<T>(this Tape<T> tape, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => SigmoidOp<T>.Forward(tape, x);

    /// <summary>Clamp to [lo, hi]; the gradient passes only strictly inside.</summary>
    public static Tensor<T> HardClip<T>(this Tape<T> tape, Tensor<T> x, T lo, T hi) where T : unmanaged, IFloatingPointIeee754<T>
        => HardClipOp<T>.Forward(tape, x, lo, hi);
}
