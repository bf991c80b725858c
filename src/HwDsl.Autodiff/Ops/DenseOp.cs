using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>y = x·W + b for x (batch×in), W (in×out), b (1×out).</summary>
public sealed class DenseOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _w, _y;
    private readonly Tensor<T>? _b;

    private DenseOp(Tensor<T> x, Tensor<T> w, Tensor<T>? b, Tensor<T> y) => (_x, _w, _b, _y) = (x, w, b, y);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, Tensor<T> w, Tensor<T>? b)
    {
        if (x.Cols != w.Rows) throw new ArgumentException($"dense: input has {x.Cols} features but the weight matrix is {w.Rows}×{w.Cols}.");
        if (b is not null && (b.Rows != 1 || b.Cols != w.Cols)) throw new ArgumentException($"dense: bias must be 1×{w.Cols}; got {b.Rows}×{b.Cols}.");
        var y = tape.Output(x.Rows, w.Cols, x.RequiresGrad || w.RequiresGrad || b?.RequiresGrad == true);
        Mac.Gemm<T>(x.Values, w.Values, y.Values, x.Rows, w.Cols, x.Cols, GemmLayout.NN, false,
            b is null ? default : b.Values, tape.Pool);
        tape.Record(new DenseOp<T>(x, w, b, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dy = _y.Gradient;
        int batch = _x.Rows, inputs = _x.Cols, outputs = _w.Cols;
        var dw = tape.GradientOf(_w);
        if (!dw.IsEmpty) Mac.Gemm<T>(_x.Values, dy, dw, inputs, outputs, batch, GemmLayout.TN, true, default, tape.Pool);
        if (_b is not null)
        {
            var db = tape.GradientOf(_b);
            if (!db.IsEmpty) Reductions.AddColumnSums<T>(dy, batch, outputs, db);
        }
        var dx = tape.GradientOf(_x);
        if (!dx.IsEmpty) Mac.Gemm<T>(dy, _w.Values, dx, batch, inputs, outputs, GemmLayout.NT, true, default, tape.Pool);
    }
}

/// <summary>The dense op on a tape.</summary>
public static class DenseExtensions
{
    /// <summary>y = x·W + b (b optional), recorded for backprop.</summary>
    public static Tensor<T> Dense<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> w, Tensor<T>? b = null)
        where T : unmanaged, IFloatingPointIeee754<T> => DenseOp<T>.Forward(tape, x, w, b);
}
