using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

/// <summary>The tiled product: forward against a scalar reference (per block, stage, then sum), gradients by finite differences.</summary>
public sealed class TiledMatMulTests
{
    private static readonly SeededRandom Rng = new(17);

    /// <summary>A non-linear stage per (row block, column): y ← tanh(a·y + c) with a and c depending on the block and column,
    /// so each block's partial sums go through their own function, as each tile's periphery does. With a chunk size it
    /// asks to be called chunk by chunk (concurrently).</summary>
    private sealed class TanhStage(int chunk = 0) : ITileOutput<double>
    {
        private readonly Dictionary<(int Block, int FirstRow), double[]> _saved = [];
        public List<(int Block, int FirstRow, int Rows, int InputColumns)> Calls { get; } = [];

        public static double A(int block, int j) => 0.5 + 0.1 * block + 0.03 * j;

        public static double C(int block, int j) => 0.2 * block - 0.05 * j;

        public int ChunkRows(int rowBlock) => chunk;

        public void Forward(int rowBlock, int firstRow, ReadOnlySpan<double> input, int inputColumns, Span<double> partial, int rows, int columns)
        {
            Assert.Equal(rows * inputColumns, input.Length);
            Assert.Equal(rows * columns, partial.Length);
            var y = new double[partial.Length];
            for (var i = 0; i < partial.Length; i++) partial[i] = y[i] = Math.Tanh(A(rowBlock, i % columns) * partial[i] + C(rowBlock, i % columns));
            lock (_saved)
            {
                Calls.Add((rowBlock, firstRow, rows, inputColumns));
                _saved[(rowBlock, firstRow)] = y;
            }
        }

        public void Backward(int rowBlock, Span<double> gradient, int batch, int columns)
        {
            foreach (var ((block, first), y) in _saved)
                if (block == rowBlock)
                    for (var i = 0; i < y.Length; i++) gradient[first * columns + i] *= A(rowBlock, i % columns) * (1 - y[i] * y[i]);
        }
    }

    private sealed class Identity : ITileOutput<double>
    {
        public int ChunkRows(int rowBlock) => 0;

        public void Forward(int rowBlock, int firstRow, ReadOnlySpan<double> input, int inputColumns, Span<double> partial, int rows, int columns) { }

        public void Backward(int rowBlock, Span<double> gradient, int batch, int columns) { }
    }

    [Theory]
    [InlineData(3, 7, 4, new[] { 0, 7 }, 0)]
    [InlineData(2, 9, 5, new[] { 0, 4, 9 }, 0)]
    [InlineData(4, 10, 3, new[] { 0, 3, 6, 10 }, 0)]
    [InlineData(5, 9, 4, new[] { 0, 4, 9 }, 2)]
    public void Gradients_agree_with_finite_differences(int batch, int inputs, int outputs, int[] rowStarts, int chunk)
    {
        var x = GradientCheck.Random(batch, inputs, Rng);
        var w = GradientCheck.Random(inputs, outputs, Rng);
        var b = GradientCheck.Random(1, outputs, Rng);
        var report = GradientCheck.Compare(t => t.TiledMatMul(x, w, b, rowStarts, new TanhStage(chunk)), [x, w, b]);
        Assert.True(report.Agrees, report.ToString());
    }

    [Fact]
    public void Forward_is_the_sum_over_blocks_of_each_blocks_stage()
    {
        int batch = 3, inputs = 9, outputs = 4;
        int[] starts = [0, 4, 9];
        var x = GradientCheck.Random(batch, inputs, Rng);
        var w = GradientCheck.Random(inputs, outputs, Rng);
        var b = GradientCheck.Random(1, outputs, Rng);
        var stage = new TanhStage();
        var y = new Tape<double>(new MacPool(1)).TiledMatMul(x, w, b, starts, stage);
        for (var i = 0; i < batch; i++)
            for (var j = 0; j < outputs; j++)
            {
                var expected = b.Values[j];
                for (var r = 0; r < 2; r++)
                {
                    var s = 0.0;
                    for (var k = starts[r]; k < starts[r + 1]; k++) s += x.Values[i * inputs + k] * w.Values[k * outputs + j];
                    expected += Math.Tanh(TanhStage.A(r, j) * s + TanhStage.C(r, j));
                }
                Assert.Equal(expected, y.Values[i * outputs + j], 12);
            }
        Assert.Equal([(0, 0, 3, 4), (1, 0, 3, 5)], stage.Calls);
    }

    [Fact]
    public void Stages_that_ask_for_chunks_get_every_chunk_once_and_give_the_whole_blocks_numbers_on_two_threads()
    {
        int batch = 10, inputs = 9, outputs = 4;
        int[] starts = [0, 4, 9];
        var x = GradientCheck.Random(batch, inputs, Rng);
        var w = GradientCheck.Random(inputs, outputs, Rng);
        var b = GradientCheck.Random(1, outputs, Rng);
        var whole = new Tape<double>(new MacPool(1)).TiledMatMul(x, w, b, starts, new TanhStage()).Values.ToArray();
        using var pool = new MacPool(2);
        var stage = new TanhStage(chunk: 3);
        var chunked = new Tape<double>(pool).TiledMatMul(x, w, b, starts, stage).Values.ToArray();
        Assert.Equal(whole, chunked);   // the same operations per element, in the same order
        Assert.Equal([(0, 0, 3, 4), (0, 3, 3, 4), (0, 6, 3, 4), (0, 9, 1, 4), (1, 0, 3, 5), (1, 3, 3, 5), (1, 6, 3, 5), (1, 9, 1, 5)],
            stage.Calls.Order());
    }

    [Fact]
    public void With_identity_stages_it_is_the_dense_product()
    {
        var x = GradientCheck.Random(5, 11, Rng);
        var w = GradientCheck.Random(11, 6, Rng);
        var b = GradientCheck.Random(1, 6, Rng);
        var tape = new Tape<double>(new MacPool(1));
        var dense = tape.Dense(x, w, b).Values.ToArray();
        var tiled = tape.TiledMatMul(x, w, b, [0, 3, 8, 11], new Identity()).Values.ToArray();
        for (var i = 0; i < dense.Length; i++) Assert.Equal(dense[i], tiled[i], 12);
    }

    [Fact]
    public void Row_blocks_must_cover_the_weights_in_order()
    {
        var x = GradientCheck.Random(2, 5, Rng);
        var w = GradientCheck.Random(5, 2, Rng);
        var e = Assert.Throws<ArgumentException>(() => new Tape<double>().TiledMatMul(x, w, null, [0, 3, 3, 5], new Identity()));
        Assert.Contains("row blocks must run from 0 to 5", e.Message);
    }
}
