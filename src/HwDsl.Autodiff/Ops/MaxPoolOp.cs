using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>y = the maximum of each pooling window of x (NCHW images, batch × C·H·W); dx += dy at each window's first maximum.</summary>
public sealed class MaxPoolOp<T>(Tensor<T> x, Tensor<T> y, PoolGeometry g) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, PoolGeometry g)
    {
        g.Validate();
        if (x.Cols != g.InputSize) throw new ArgumentException($"max pool: {g} takes {g.InputSize} values per image; the input has {x.Cols}.");
        var y = tape.Output(x.Rows, g.OutputSize, x.RequiresGrad);
        Pooling.MaxForward<T>(x.Values, y.Values, x.Rows, g, tape.Pool);
        tape.Record(new MaxPoolOp<T>(x, y, g), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (!dx.IsEmpty && !y.Gradient.IsEmpty) Pooling.MaxBackward<T>(x.Values, y.Gradient, dx, x.Rows, g, tape.Pool);
    }
}

/// <summary>The max-pooling op on a tape.</summary>
public static class MaxPoolExtensions
{
    /// <summary>Max pooling with shape <paramref name="geometry"/>, recorded for backprop.</summary>
    public static Tensor<T> MaxPool<T>(this Tape<T> tape, Tensor<T> x, PoolGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => MaxPoolOp<T>.Forward(tape, x, geometry);
}
