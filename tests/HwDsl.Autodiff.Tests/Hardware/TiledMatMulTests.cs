using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

/// <summary>The tiled product: forward against a scalar reference (per block, stage, then sum), gradients by finite differences.</summary>
public sealed class TiledMatMulTests
{
    private static readonly SeededRandom Rng = new(17);

    /// <summary>A non-linear stage per (row block, column): y ← tanh(a·y + c) with a and c depending on the block and column,
    /// so each block's partial sums go through their own function, as each tile's periphery does.</summary>
    private sealed class TanhStage : ITileOutput<double>
    {
        private readonly Dictionary<int, double[]> _saved = [];
        public List<(int Block, int InputColumns)> Calls { get; } = [];

        public static double A(int block, int j) => 0.5 + 0.1 * block + 0.03 * j;

        public static double C(int block, int j) => 0.2 * block - 0.05 * j;

        public void Forward(int rowBlock, ReadOnlySpan<double> input, int inputColumns, Span<double> partial, int batch, int columns)
        {
            Calls.Add((rowBlock, inputColumns));
            var y = new double[partial.Length];
            for (var i = 0; i < partial.Length; i++) partial[i] = y[i] = Math.Tanh(A(rowBlock, i % columns) * partial[i] + C(rowBlock, i % columns));
            _saved[rowBlock] = y;
        }

        public void Backward(int rowBlock, Span<double> gradient, int batch, int columns)
        {
            var y = _saved[rowBlock];
            for (var i = 0; i < gradient.Length; i++) gradient[i] *= A(rowBlock, i % columns) * (1 - y[i] * y[i]);
        }
    }

    private sealed class Identity : ITileOutput<double>
    {
        public void Forward(int rowBlock, ReadOnlySpan<double> input, int inputColumns, Span<double> partial, int batch, int columns) { }

        public void Backward(int rowBlock, Span<double> gradient, int batch, int columns) { }
    }

    [Theory]
    [InlineData(3, 7, 4, new[] { 0, 7 })]
    [InlineData(2, 9, 5, new[] { 0, 4, 9 })]
    [InlineData(4, 10, 3, new[] { 0, 3, 6, 10 })]
    public void Gradients_agree_with_finite_differences(int batch, int inputs, int outputs, int[] rowStarts)
    {
        var x = GradientCheck.Random(batch, inputs, Rng);
        var w = GradientCheck.Random(inputs, outputs, Rng);
        var b = GradientCheck.Random(1, outputs, Rng);
        var report = GradientCheck.Compare(t => t.TiledMatMul(x, w, b, rowStarts, new TanhStage()), [x, w, b]);
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
        Assert.Equal([(0, 4), (1, 5)], stage.Calls);
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
