using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// y = conv(x, W) + b for NCHW images: x is batch × (C·H·W), W is (C·k·k) × F (a dense layer's inputs × outputs, one
/// input per receptive-field element), b is 1 × F, y is batch × (F·H'·W').
/// </summary>
public sealed class Conv2dOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _w, _y;
    private readonly Tensor<T>? _b;
    private readonly ConvGeometry _g;

    private Conv2dOp(Tensor<T> x, Tensor<T> w, Tensor<T>? b, Tensor<T> y, ConvGeometry g) => (_x, _w, _b, _y, _g) = (x, w, b, y, g);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, Tensor<T> w, Tensor<T>? b, ConvGeometry g)
    {
        g.Validate();
        if (x.Cols != g.InputSize) throw new ArgumentException($"conv2d: {g} takes {g.InputSize} values per image; the input has {x.Cols}.");
        if (w.Rows != g.PatchSize || w.Cols != g.Filters) throw new ArgumentException($"conv2d: {g} needs a {g.PatchSize}×{g.Filters} weight matrix; got {w.Rows}×{w.Cols}.");
        if (b is not null && (b.Rows != 1 || b.Cols != g.Filters)) throw new ArgumentException($"conv2d: bias must be 1×{g.Filters}; got {b.Rows}×{b.Cols}.");
        var y = tape.Output(x.Rows, g.OutputSize, x.RequiresGrad || w.RequiresGrad || b?.RequiresGrad == true);
        Conv2d.Forward<T>(x.Values, w.Values, b is null ? default : b.Values, y.Values, x.Rows, g, tape.Pool);
        tape.Record(new Conv2dOp<T>(x, w, b, y, g), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        if (_y.Gradient.IsEmpty) return;   // the output never reached the loss
        Conv2d.Backward<T>(_x.Values, _w.Values, _y.Gradient, tape.GradientOf(_x), tape.GradientOf(_w),
            _b is null ? default : tape.GradientOf(_b), _x.Rows, _g, tape.Pool);
    }
}

/// <summary>The convolution op on a tape.</summary>
public static class Conv2dExtensions
{
    /// <summary>y = conv(x, W) + b (b optional) with shape <paramref name="geometry"/>, recorded for backprop.</summary>
    public static Tensor<T> Conv2d<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> w, Tensor<T>? b, ConvGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => Conv2dOp<T>.Forward(tape, x, w, b, geometry);
}
