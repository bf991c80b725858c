using System.Numerics;
using System.Numerics.Tensors;

namespace HwDsl.Autodiff;

/// <summary>
/// y = x·s or y = x/s for a trainable scalar s (1×1), e.g. a learned weight range: the layer's weights are divided by it
/// before the device mapping and the mapped levels multiplied by it after, so its gradient is that of learned-step-size
/// quantization. Backward: dx += dy·s^p; ds += (p/s)·Σ dy·y, p = ±1.
/// </summary>
public sealed class ScaleByOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _s, _y;
    private readonly bool _divide;

    private ScaleByOp(Tensor<T> x, Tensor<T> s, Tensor<T> y, bool divide) => (_x, _s, _y, _divide) = (x, s, y, divide);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, Tensor<T> s, bool divide)
    {
        if (s.Length != 1) throw new ArgumentException($"the scale is one scalar; got {s.Rows}×{s.Cols}.", nameof(s));
        var value = s.Values[0];
        if (!(value > T.Zero) || !T.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(s), $"the learned scale must stay finite and > 0; it is {value}.");
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad || s.RequiresGrad);
        TensorPrimitives.Multiply(x.Values, divide ? T.One / value : value, y.Values);
        tape.Record(new ScaleByOp<T>(x, s, y, divide), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dy = _y.Gradient;
        var value = _s.Values[0];
        var dx = tape.GradientOf(_x);
        if (!dx.IsEmpty) TensorPrimitives.MultiplyAdd(dy, _divide ? T.One / value : value, dx, dx);
        var ds = tape.GradientOf(_s);
        if (ds.IsEmpty) return;
        var sum = TensorPrimitives.Dot<T>(dy, _y.Values);
        ds[0] += _divide ? -sum / value : sum / value;
    }
}

/// <summary>Scaling by a trainable scalar on a tape.</summary>
public static class ScaleByExtensions
{
    /// <summary>y = x·s with a trainable scalar <paramref name="s"/> (1×1, finite and &gt; 0).</summary>
    public static Tensor<T> ScaleBy<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> s)
        where T : unmanaged, IFloatingPointIeee754<T> => ScaleByOp<T>.Forward(tape, x, s, divide: false);

    /// <summary>y = x/s with a trainable scalar <paramref name="s"/> (1×1, finite and &gt; 0).</summary>
    public static Tensor<T> DivideBy<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> s)
        where T : unmanaged, IFloatingPointIeee754<T> => ScaleByOp<T>.Forward(tape, x, s, divide: true);
}
