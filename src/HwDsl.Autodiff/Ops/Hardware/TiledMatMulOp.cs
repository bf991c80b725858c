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
            inputs[r] = blocks == 1 ? x : tape.Output(x.Rows, rowStarts[r + 1] - rowStarts[r], x.RequiresGrad);
        if (blocks > 1) Run(tape.Pool, batch, CopyRows, new ColumnsTask(x, inputs, CopyRows));
        var biasAdded = false;
        for (var r = 0; r < blocks; r++)
        {
            int r0 = rowStarts[r], rows = rowStarts[r + 1] - r0;
            // The first block's products go straight into y; later blocks through the partial buffer, then added.
            var block = r == 0 ? y : partial;
            Mac.Gemm<T>(inputs[r].Values, w.Values.Slice(r0 * outputs, rows * outputs), block.Values, batch, outputs, rows,
                GemmLayout.NN, false, default, tape.Pool);
            var chunk = stages.ChunkRows(r);
            if (chunk > 0)
            {
                // Row by row: each chunk of rows through the stages, then into the digital sum (and the bias after the
                // last block) while it is in cache, the chunks spread over the pool.
                var bias = r == blocks - 1 ? b : null;
                Run(tape.Pool, batch, chunk, new StageTask(stages, r, inputs[r], block, y, r > 0, bias, chunk));
                biasAdded = bias is not null;
                continue;
            }
            stages.Forward(r, 0, inputs[r].Values, rows, block.Values, batch, outputs);
            if (r > 0) TensorPrimitives.Add<T>(y.Values, partial.Values, y.Values);
        }
        if (b is not null && !biasAdded) AddBias(y.Values, outputs, b);
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

    // + bias on every row of a rows × outputs block.
    private static void AddBias(Span<T> rows, int outputs, Tensor<T> bias)
    {
        for (var i = 0; i < rows.Length; i += outputs)
        {
            var row = rows.Slice(i, outputs);
            TensorPrimitives.Add<T>(row, bias.Values, row);
        }
    }

    // Rows per task of the column copy.
    private const int CopyRows = 64;

    // rows of work in chunks of chunkRows, over the pool when there is more than one chunk.
    private static void Run<TTask>(MacPool? pool, int rows, int chunkRows, TTask task) where TTask : struct, IMacPoolTask
    {
        var chunks = (rows + chunkRows - 1) / chunkRows;
        if (pool is null || chunks == 1)
            for (var c = 0; c < chunks; c++) task.Execute(c);
        else pool.Run(chunks, task);
    }

    // Every row block's columns of x as its own contiguous batch × rows tensor (kept for the weight gradient; each takes a
    // gradient buffer of its own when x needs one, so backward can form the block's input gradient before adding it into
    // x's), rows [c·chunk, c·chunk + chunk) per task.
    private readonly struct ColumnsTask(Tensor<T> x, Tensor<T>[] blocks, int chunk) : IMacPoolTask
    {
        public void Execute(int index)
        {
            var end = Math.Min(x.Rows, (index + 1) * chunk);
            for (var i = index * chunk; i < end; i++)
            {
                var c0 = 0;
                foreach (var block in blocks)
                {
                    x.Values.Slice(i * x.Cols + c0, block.Cols).CopyTo(block.Values.Slice(i * block.Cols, block.Cols));
                    c0 += block.Cols;
                }
            }
        }
    }

    // One chunk of rows of row block r: its stages, then y += partial (blocks after the first) and + bias (the last block).
    private readonly struct StageTask(ITileOutput<T> stages, int rowBlock, Tensor<T> input, Tensor<T> block, Tensor<T> y,
        bool add, Tensor<T>? bias, int chunk) : IMacPoolTask
    {
        public void Execute(int index)
        {
            int r0 = index * chunk, rows = Math.Min(chunk, y.Rows - r0), outputs = y.Cols;
            var part = block.Values.Slice(r0 * outputs, rows * outputs);
            stages.Forward(rowBlock, r0, input.Values.Slice(r0 * input.Cols, rows * input.Cols), input.Cols, part, rows, outputs);
            var sum = y.Values.Slice(r0 * outputs, rows * outputs);
            if (add) TensorPrimitives.Add<T>(sum, part, sum);
            if (bias is not null) AddBias(sum, outputs, bias);
        }
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
