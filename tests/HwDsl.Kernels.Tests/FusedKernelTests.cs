using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

/// <summary>Fused kernels against plain scalar loops, over every length 0..67 so vector bodies and tails both run.</summary>
public sealed class FusedKernelTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 68), 1031];

    private static float[] Normal(int n, ulong seed)
    {
        var rng = new SeededRandom(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)rng.NextNormal())];
    }

    [Fact]
    public void Backward_rules_accumulate_like_scalar_loops()
    {
        foreach (var n in Lengths)
        {
            var x = Normal(n, 1); var dy = Normal(n, 2); var start = Normal(n, 3);
            var y = new float[n];

            Activations.Relu<float>(x, y);
            Check(n, start, (dx) => Activations.ReluBackward<float>(y, dy, dx), i => y[i] > 0 ? dy[i] : 0, "relu");
            for (var i = 0; i < n; i++) Assert.Equal(Math.Max(x[i], 0f), y[i]);

            Activations.Tanh<float>(x, y);
            Check(n, start, dx => Activations.TanhBackward<float>(y, dy, dx), i => dy[i] * (1 - y[i] * y[i]), "tanh");

            Activations.Sigmoid<float>(x, y);
            Check(n, start, dx => Activations.SigmoidBackward<float>(y, dy, dx), i => dy[i] * y[i] * (1 - y[i]), "sigmoid");

            Activations.HardClip<float>(x, -0.5f, 0.75f, y);
            for (var i = 0; i < n; i++) Assert.Equal(Math.Clamp(x[i], -0.5f, 0.75f), y[i]);
            Check(n, start, dx => Activations.HardClipBackward<float>(x, -0.5f, 0.75f, dy, dx), i => x[i] > -0.5f && x[i] < 0.75f ? dy[i] : 0, "hard clip");
        }
    }

    private static void Check(int n, float[] start, Action<float[]> kernel, Func<int, float> increment, string what)
    {
        var dx = (float[])start.Clone();
        kernel(dx);
        for (var i = 0; i < n; i++)
            Expect.True(Math.Abs(start[i] + increment(i) - dx[i]) <= 1e-6f * (1 + Math.Abs(dx[i])), $"{what}, length {n}, element {i}");
    }

    [Fact]
    public void Column_sums_match_scalar_sums_for_all_widths()
    {
        foreach (var cols in Lengths.Where(c => c > 0))
        {
            const int rows = 7;
            var x = Normal(rows * cols, 4);
            var sums = Normal(cols, 5);
            var expected = (float[])sums.Clone();
            for (var i = 0; i < rows; i++) for (var j = 0; j < cols; j++) expected[j] += x[i * cols + j];
            Reductions.AddColumnSums<float>(x, rows, cols, sums);
            Assert.Equal(expected, sums);
        }
    }

    [Fact]
    public void Softmax_cross_entropy_matches_a_naive_double_computation()
    {
        const int rows = 9, classes = 10;
        var z = Normal(rows * classes, 6).Select(v => v * 20).ToArray();   // large logits: stability matters
        int[] labels = [0, 1, 2, 3, 4, 5, 6, 7, 9];
        var g = new float[rows * classes];
        var loss = SoftmaxCrossEntropy.Compute<float>(z, rows, classes, labels, g, out var correct);
        double expected = 0;
        var expectedCorrect = 0;
        for (var i = 0; i < rows; i++)
        {
            var row = z.AsSpan(i * classes, classes).ToArray().Select(v => (double)v).ToArray();
            var max = row.Max();
            var sum = row.Sum(v => Math.Exp(v - max));
            expected += Math.Log(sum) - (row[labels[i]] - max);
            if (Array.IndexOf(row, max) == labels[i]) expectedCorrect++;
            for (var j = 0; j < classes; j++)
                Assert.Equal(Math.Exp(row[j] - max) / sum / rows - (j == labels[i] ? 1.0 / rows : 0), g[i * classes + j], 1e-6);
        }
        Assert.Equal(expected / rows, loss, 1e-4 * Math.Max(1, expected / rows));
        Assert.Equal(expectedCorrect, correct);
        Assert.True(float.IsFinite(loss));
    }

    [Fact]
    public void Softmax_cross_entropy_rejects_a_label_out_of_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxCrossEntropy.Compute<float>(new float[6], 2, 3, [0, 3], default, out _));
        Assert.Contains("label 3 of row 1", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Adam_matches_the_pytorch_rule_computed_in_double(bool decoupled)
    {
        foreach (var n in new[] { 1, 7, 8, 9, 33, 1031 })
        {
            var p = Normal(n, 7); var m = new float[n]; var v = new float[n];
            double[] pd = [.. p.Select(x => (double)x)], md = new double[n], vd = new double[n];
            const double lr = 1e-2, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.01;
            for (var step = 1; step <= 5; step++)
            {
                var g = Normal(n, (ulong)(100 + step));
                OptimizerSteps.Adam<float>(p, g, m, v, step, (float)lr, (float)b1, (float)b2, (float)eps, (float)wd, decoupled);
                for (var i = 0; i < n; i++)
                {
                    if (decoupled) pd[i] *= 1 - lr * wd;
                    var gi = g[i] + (decoupled ? 0 : wd * pd[i]);
                    md[i] = b1 * md[i] + (1 - b1) * gi;
                    vd[i] = b2 * vd[i] + (1 - b2) * gi * gi;
                    var denom = Math.Sqrt(vd[i]) / Math.Sqrt(1 - Math.Pow(b2, step)) + eps;
                    pd[i] -= lr / (1 - Math.Pow(b1, step)) * md[i] / denom;
                }
            }
            for (var i = 0; i < n; i++) Assert.Equal(pd[i], p[i], 1e-5);
        }
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.9, false)]
    [InlineData(0.9, true)]
    public void Sgd_matches_the_pytorch_rule_computed_in_double(double momentum, bool nesterov)
    {
        foreach (var n in new[] { 1, 8, 9, 1031 })
        {
            var p = Normal(n, 8); var buffer = momentum == 0 ? [] : new float[n];
            double[] pd = [.. p.Select(x => (double)x)], bd = new double[n];
            const double lr = 0.1, wd = 1e-3;
            for (var step = 1; step <= 4; step++)
            {
                var g = Normal(n, (ulong)(200 + step));
                OptimizerSteps.Sgd<float>(p, g, buffer, (float)lr, (float)momentum, (float)wd, nesterov);
                for (var i = 0; i < n; i++)
                {
                    var gd = g[i] + wd * pd[i];
                    if (momentum == 0) { pd[i] -= lr * gd; continue; }
                    bd[i] = momentum * bd[i] + gd;
                    pd[i] -= lr * (nesterov ? gd + momentum * bd[i] : bd[i]);
                }
            }
            for (var i = 0; i < n; i++) Assert.Equal(pd[i], p[i], 1e-5);
        }
    }
}
