using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>y = the mean of each pooling window of x (NCHW images, batch × C·H·W); dx += dy / size² over each window.</summary>
public sealed class AvgPoolOp<T>(Tensor<T> x, Tensor<T> y, PoolGeometry g) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, PoolGeometry g)
    {
        g.Validate();
        if (x.Cols != g.InputSize) throw new ArgumentException($"average pool: {g} takes {g.InputSize} values per image; the input has {x.Cols}.");
        var y = tape.Output(x.Rows, g.OutputSize, x.RequiresGrad);
        Pooling.AverageForward<T>(x.Values, y.Values, x.Rows, g, tape.Pool);
        tape.Record(new AvgPoolOp<T>(x, y, g), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (!dx.IsEmpty && !y.Gradient.IsEmpty) Pooling.AverageBackward<T>(y.Gradient, dx, x.Rows, g, tape.Pool);
    }
}

/// <summary>The average-pooling op on a tape.</summary>
public static class AvgPoolExtensions
{
    /// <summary>Average pooling with shape <paramref name="geometry"/>, recorded for backprop.</summary>
    public static Tensor<T> AvgPool<T>(this Tape<T> tape, Tensor<T> x, PoolGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => AvgPoolOp<T>.Forward(tape, x, geometry);
}
