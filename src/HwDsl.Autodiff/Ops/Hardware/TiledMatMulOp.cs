using System.Numerics;
using System.Numerics.Tensors;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// y = Σ_r S_r(x_r · W_r) + b: a matrix product split over row blocks of W (the row blocks of an analog layer's tiles),
/// x_r the matching columns of x, each block's partial product passed through its tiles' output stages S_r before the
/// digital sum. Backward: g_r = S_rᵀ(dy), dW_r += x_rᵀ·g_r, dx_r += g_r·W_rᵀ, db += Σ dy. With identity stages this is
/// <see cref="DenseOp{T}"/> up to the order of float summation.
/// </summary>
public sealed class TiledMatMulOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _w, _y, _scratch;
    private readonly Tensor<T>? _b;
    private readonly Tensor<T>[] _inputs;
    private readonly int[] _rowStarts;
    private readonly ITileOutput<T> _stages;

    private TiledMatMulOp(Tensor<T> x, Tensor<T> w, Tensor<T>? b, Tensor<T> y, Tensor<T>[] inputs, int[] rowStarts, ITileOutput<T> stages, Tensor<T> scratch)
        => (_x, _w, _b, _y, _inputs, _rowStarts, _stages, _scratch) = (x, w, b, y, inputs, rowStarts, stages, scratch);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, Tensor<T> w, Tensor<T>? b, IReadOnlyList<int> rowStarts, ITileOutput<T> stages)
    {
        if (x.Cols != w.Rows) throw new ArgumentException($"tiled product: input has {x.Cols} features but the weight matrix is {w.Rows}×{w.Cols}.");
        if (b is not null && (b.Rows != 1 || b.Cols != w.Cols)) throw new ArgumentException($"tiled product: bias must be 1×{w.Cols}; got {b.Rows}×{b.Cols}.");
        if (rowStarts.Count < 2 || rowStarts[0] != 0 || rowStarts[^1] != w.Rows || rowStarts.Zip(rowStarts.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException($"tiled product: row blocks must run from 0 to {w.Rows} in increasing order; got [{string.Join(", ", rowStarts)}].");
        int batch = x.Rows, outputs = w.Cols, blocks = rowStarts.Count - 1;
        var y = tape.Output(batch, outputs, x.RequiresGrad || w.RequiresGrad || b?.RequiresGrad == true);
        var partial = tape.Output(batch, outputs, false);
        var inputs = new Tensor<T>[blocks];
        for (var r = 0; r < blocks; r++)
        {
            int r0 = rowStarts[r], rows = rowStarts[r + 1] - r0;
            inputs[r] = blocks == 1 ? x : Columns(tape, x, r0, rows);
            // The first block's products go straight into y; later blocks through the partial buffer, then added.
            var block = r == 0 ? y.Values : partial.Values;
            Mac.Gemm<T>(inputs[r].Values, w.Values.Slice(r0 * outputs, rows * outputs), block, batch, outputs, rows,
                GemmLayout.NN, false, default, tape.Pool);
            stages.Forward(r, inputs[r].Values, rows, block, batch, outputs);
            if (r > 0) TensorPrimitives.Add<T>(y.Values, partial.Values, y.Values);
        }
        if (b is not null)
            for (var i = 0; i < batch; i++)
            {
                var row = y.Values.Slice(i * outputs, outputs);
                TensorPrimitives.Add<T>(row, b.Values, row);
            }
        tape.Record(new TiledMatMulOp<T>(x, w, b, y, inputs, [.. rowStarts], stages, partial), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dy = _y.Gradient;
        int batch = _x.Rows, outputs = _w.Cols, blocks = _rowStarts.Length - 1;
        var dw = tape.GradientOf(_w);
        var dx = tape.GradientOf(_x);
        var g = _scratch.Values;
        for (var r = 0; r < blocks; r++)
        {
            int r0 = _rowStarts[r], rows = _rowStarts[r + 1] - r0;
            dy.CopyTo(g);
            _stages.Backward(r, g, batch, outputs);
            if (!dw.IsEmpty)
                Mac.Gemm<T>(_inputs[r].Values, g, dw.Slice(r0 * outputs, rows * outputs), rows, outputs, batch, GemmLayout.TN, true, default, tape.Pool);
            if (dx.IsEmpty) continue;
            var wr = _w.Values.Slice(r0 * outputs, rows * outputs);
            if (blocks == 1)
            {
                Mac.Gemm<T>(g, wr, dx, batch, rows, outputs, GemmLayout.NT, true, default, tape.Pool);
                continue;
            }
            var dxr = tape.GradientOf(_inputs[r]);
            Mac.Gemm<T>(g, wr, dxr, batch, rows, outputs, GemmLayout.NT, false, default, tape.Pool);
            for (var i = 0; i < batch; i++)
            {
                var to = dx.Slice(i * _x.Cols + r0, rows);
                TensorPrimitives.Add<T>(to, dxr.Slice(i * rows, rows), to);
            }
        }
        if (_b is not null)
        {
            var db = tape.GradientOf(_b);
            if (!db.IsEmpty) Reductions.AddColumnSums<T>(dy, batch, outputs, db);
        }
    }

    // Columns [c0, c0 + count) of x as a contiguous batch × count tensor (kept for the weight gradient). It takes a gradient
    // buffer of its own when x needs one, so backward can form the block's input gradient before adding it into x's.
    private static Tensor<T> Columns(Tape<T> tape, Tensor<T> x, int c0, int count)
    {
        var block = tape.Output(x.Rows, count, x.RequiresGrad);
        for (var i = 0; i < x.Rows; i++) x.Values.Slice(i * x.Cols + c0, count).CopyTo(block.Values.Slice(i * count, count));
        return block;
    }
}

/// <summary>The tiled product on a tape.</summary>
public static class TiledMatMulExtensions
{
    /// <summary>
    /// y = Σ_r S_r(x_r · W_r) + b over the row blocks that start at <paramref name="rowStarts"/> (0, …, W.Rows), each block's
    /// partial product transformed by <paramref name="stages"/> before the digital sum; recorded for backprop.
    /// </summary>
    public static Tensor<T> TiledMatMul<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> w, Tensor<T>? b, IReadOnlyList<int> rowStarts, ITileOutput<T> stages)
        where T : unmanaged, IFloatingPointIeee754<T> => TiledMatMulOp<T>.Forward(tape, x, w, b, rowStarts, stages);
}
