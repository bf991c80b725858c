using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// y = the maximum or the mean of each pooling window of x (NCHW images, batch × C·H·W); backward, dx += dy at each
/// window's first maximum, or dy / size² over each window.
/// </summary>
public sealed class PoolOp<T>(Tensor<T> x, Tensor<T> y, PoolGeometry g, PoolMode mode) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, PoolGeometry g, PoolMode mode)
    {
        g.Validate();
        if (x.Cols != g.InputSize)
            throw new ArgumentException($"{(mode == PoolMode.Max ? "max" : "average")} pool: {g} takes {g.InputSize} values per image; the input has {x.Cols}.");
        var y = tape.Output(x.Rows, g.OutputSize, x.RequiresGrad);
        if (mode == PoolMode.Max) Pooling.MaxForward<T>(x.Values, y.Values, x.Rows, g, tape.Pool);
        else Pooling.AverageForward<T>(x.Values, y.Values, x.Rows, g, tape.Pool);
        tape.Record(new PoolOp<T>(x, y, g, mode), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (dx.IsEmpty || y.Gradient.IsEmpty) return;
        if (mode == PoolMode.Max) Pooling.MaxBackward<T>(x.Values, y.Gradient, dx, x.Rows, g, tape.Pool);
        else Pooling.AverageBackward<T>(y.Gradient, dx, x.Rows, g, tape.Pool);
    }
}
