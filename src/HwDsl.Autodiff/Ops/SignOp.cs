using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// y = sign(x) ∈ {−1, +1} (0 maps to +1, as a binary neuron fires at threshold); backward is the straight-through
/// estimator of hardtanh: dx += dy where |x| &lt; 1 (Courbariaux et al., the binary-network standard).
/// </summary>
public sealed class SignOp<T>(Tensor<T> x, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x)
    {
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad);
        var xs = x.Values;
        var ys = y.Values;
        for (var i = 0; i < xs.Length; i++) ys[i] = xs[i] >= T.Zero ? T.One : -T.One;
        tape.Record(new SignOp<T>(x, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
        => GradientRules.Accumulate(x.Values, y.Gradient, tape.GradientOf(x), new Activations.PassInsideRule<T>(-T.One, T.One));
}

/// <summary>The sign op on a tape.</summary>
public static class SignExtensions
{
    /// <summary>Binary activation ±1 with a straight-through (hardtanh) gradient.</summary>
    public static Tensor<T> Sign<T>(this Tape<T> tape, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => SignOp<T>.Forward(tape, x);
}
