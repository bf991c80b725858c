using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// c = [w ≥ 0.5] ∈ {0, 1}: a learned binary crossbar's connections from real-valued shadow weights (Jimeno Yepes &amp;
/// Tang 2016). Backward is the straight-through estimator: dw += dc, so the shadow weight moves as if it were used.
/// </summary>
public sealed class BinarizeOp<T>(Tensor<T> w, Tensor<T> c) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> w)
    {
        var c = tape.Output(w.Rows, w.Cols, w.RequiresGrad);
        var half = T.One / (T.One + T.One);
        var wv = w.Values;
        for (var i = 0; i < wv.Length; i++) c.Values[i] = wv[i] >= half ? T.One : T.Zero;
        tape.Record(new BinarizeOp<T>(w, c), c);
        return c;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dw = tape.GradientOf(w);
        if (!dw.IsEmpty) System.Numerics.Tensors.TensorPrimitives.Add<T>(dw, c.Gradient, dw);
    }
}

/// <summary>The binarize op on a tape.</summary>
public static class BinarizeExtensions
{
    /// <summary>Binary connections [w ≥ 0.5] with a straight-through gradient.</summary>
    public static Tensor<T> Binarize<T>(this Tape<T> tape, Tensor<T> w) where T : unmanaged, IFloatingPointIeee754<T> => BinarizeOp<T>.Forward(tape, w);
}
