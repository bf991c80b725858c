using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests.Cores;

public sealed class CoreOpTests
{
    private static void AssertAgrees(GradientReport report) => Assert.True(report.Agrees, report.ToString());

    // Signed axon weights as a core has them: a few types, zeros where an axon does not reach a neuron.
    private static double[] AxonWeights(int axons, int neurons, SeededRandom rng)
    {
        var s = new double[axons * neurons];
        int[] types = [1, -1, 2, 0];
        for (var k = 0; k < s.Length; k++) s[k] = types[rng.NextInt(types.Length)];
        return s;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Gaussian_spike_gradient_matches_finite_differences(double smoothing)
    {
        var rng = new SeededRandom(3);
        var x = GradientCheck.Random(4, 7, rng, r => 0.05 + 0.9 * r.NextDouble());
        var p = GradientCheck.Random(7, 5, rng, r => 0.05 + 0.9 * r.NextDouble());
        var b = GradientCheck.Random(1, 5, rng);
        var s = AxonWeights(7, 5, rng);
        var report = GradientCheck.Compare(t => t.GaussianSpike(x, p, s, b, smoothing), [x, p, b], tolerance: 1e-6);
        AssertAgrees(report);
        Assert.Equal(28 + 35 + 5, report.Compared);
    }

    [Fact]
    public void Gaussian_spike_is_phi_of_mean_over_sd_computed_term_by_term()
    {
        var rng = new SeededRandom(5);
        var x = GradientCheck.Random(3, 6, rng, r => r.NextDouble());
        var p = GradientCheck.Random(6, 4, rng, r => r.NextDouble());
        var b = GradientCheck.Random(1, 4, rng);
        var s = AxonWeights(6, 4, rng);
        var y = new Tape<double>(new MacPool(1)).GaussianSpike(x, p, s, b, 0.7);
        for (var r = 0; r < 3; r++)
            for (var j = 0; j < 4; j++)
            {
                double mean = b.Values[j], variance = 0.49;
                for (var i = 0; i < 6; i++)
                {
                    var q = x.Values[r * 6 + i] * p.Values[i * 4 + j];
                    var w = s[i * 4 + j];
                    mean += q * w;
                    variance += w * w * q * (1 - q);
                }
                Assert.Equal(Gaussian.Cdf(mean / Math.Sqrt(variance)), y.Values[r * 4 + j], 12);
            }
    }

    [Fact]
    public void Hard_spikes_are_the_step_of_the_soft_ones_with_the_same_gradient()
    {
        var rng = new SeededRandom(9);
        var x = GradientCheck.Random(5, 6, rng, r => r.NextInt(2));
        var p = GradientCheck.Random(6, 3, rng, r => r.NextInt(2));
        var b = GradientCheck.Random(1, 3, rng, r => r.NextInt(5) - 2.5);
        var s = AxonWeights(6, 3, rng);
        var tape = new Tape<double>(new MacPool(1));
        var soft = tape.GaussianSpike(x, p, s, b, 1.0).Values.ToArray();
        var hard = tape.GaussianSpike(x, p, s, b, 1.0, hard: true);
        Assert.Equal(soft.Select(v => v >= 0.5 ? 1.0 : 0.0), hard.Values.ToArray());
        Assert.Contains(0.0, hard.Values.ToArray());
        Assert.Contains(1.0, hard.Values.ToArray());

        // Backward is the Gaussian gradient either way: the soft gradient serves as the hard spike's surrogate.
        Assert.Equal(Gradient(x, p, s, b, hard: false), Gradient(x, p, s, b, hard: true));
        Assert.Contains(Gradient(x, p, s, b, hard: true), g => g != 0);
    }

    [Fact]
    public void Binarize_thresholds_at_one_half_and_passes_the_gradient_straight_through()
    {
        var w = Tensor<double>.Parameter(1, 5);
        double[] values = [0.0, 0.4999, 0.5, 0.73, 1.0];
        values.CopyTo(w.Values);
        var tape = new Tape<double>(new MacPool(1));
        var c = tape.Binarize(w);
        Assert.Equal([0.0, 0.0, 1.0, 1.0, 1.0], c.Values.ToArray());
        var r = new SeededRandom(1);
        var dy = new double[5];
        for (var k = 0; k < 5; k++) dy[k] = r.NextNormal();
        tape.Reset();
        w.Gradient.Clear();
        var y = tape.Binarize(w);
        var loss = ProjectOp.Forward(tape, y, dy);
        tape.Backward(loss);
        Assert.Equal(dy, w.Gradient.ToArray());
    }

    [Fact]
    public void Group_sum_gather_and_concat_gradients_match_finite_differences()
    {
        var rng = new SeededRandom(11);
        var x = GradientCheck.Random(3, 8, rng);
        var y = GradientCheck.Random(3, 4, rng);
        int[] halves = [0, 0, 0, 0, 1, 1, 1, 1];
        AssertAgrees(GradientCheck.Compare(t => t.GroupSum(x, halves, 2, 2.5), [x]));
        AssertAgrees(GradientCheck.Compare(t => t.GroupSum(x, [1, 0, 2, 0, 1, 2, 2, 0], 3, 1.5), [x]));
        AssertAgrees(GradientCheck.Compare(t => t.GatherColumns(x, [7, 0, 0, 3, 7]), [x]));
        AssertAgrees(GradientCheck.Compare(t => t.ConcatColumns([x, y, x]), [x, y]));
        var tape = new Tape<double>(new MacPool(1));
        var g = tape.GroupSum(x, halves, 2, 1.0);
        Assert.Equal(x.Values[4] + x.Values[5] + x.Values[6] + x.Values[7], g.Values[1], 12);
        var cat = tape.ConcatColumns([y, x]);
        Assert.Equal(x.Values[8], cat.Values[12 + 4]);
    }

    private static double[] Gradient(Tensor<double> x, Tensor<double> p, double[] s, Tensor<double> b, bool hard)
    {
        var tape = new Tape<double>(new MacPool(1));
        p.Gradient.Clear();
        var y = tape.GaussianSpike(x, p, s, b, 1.0, hard);
        var r = new SeededRandom(2);
        var weights = new double[y.Length];
        for (var k = 0; k < weights.Length; k++) weights[k] = r.NextNormal();
        tape.Backward(ProjectOp.Forward(tape, y, weights));
        return p.Gradient.ToArray();
    }
}
