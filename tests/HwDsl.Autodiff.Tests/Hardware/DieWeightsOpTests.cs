using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

public sealed class DieWeightsOpTests
{
    private static (double[] K, double[] O) Die(int n, SeededRandom rng)
    {
        var k = new double[n];
        var o = new double[n];
        for (var i = 0; i < n; i++)
        {
            // A third of the weights stuck (k = 0, offset ±1), the rest working with variation.
            if (i % 3 == 0) { k[i] = 0; o[i] = rng.NextDouble() < 0.5 ? -1 : 1; }
            else { k[i] = 1 + 0.1 * rng.NextNormal(); o[i] = 0.2 * (k[i] - 1); }
        }
        return (k, o);
    }

    [Fact]
    public void Gradient_matches_finite_differences_in_double()
    {
        var rng = new SeededRandom(5);
        var v = GradientCheck.Random(4, 6, rng);
        var alpha = GradientCheck.Random(1, 1, rng);
        var x = GradientCheck.Random(3, 4, rng);
        var (k, o) = Die(24, rng);
        var report = GradientCheck.Compare(t => t.Dense(x, t.DieWeights(v, alpha, k, o)), [v, alpha, x]);
        Assert.True(report.Agrees, report.ToString());
    }

    [Fact]
    public void Stuck_weights_ignore_their_state_and_get_no_gradient()
    {
        var rng = new SeededRandom(6);
        var v = GradientCheck.Random(4, 6, rng);
        var alpha = GradientCheck.Random(1, 1, rng);
        var (k, o) = Die(24, rng);
        var tape = new Tape<double>(new MacPool(1));
        var w = tape.DieWeights(v, alpha, k, o);
        for (var i = 0; i < 24; i += 3) Assert.Equal(alpha.Values[0] * o[i], w.Values[i], 15);
        var loss = tape.Dense(tape.Input(Enumerable.Repeat(1.0, 4).ToArray(), 1, 4), w);
        var sum = tape.Dense(loss, Tensor<double>.Constant(Enumerable.Repeat(1.0, 6).ToArray(), 6, 1));
        tape.Backward(sum);
        for (var i = 0; i < 24; i++)
            if (i % 3 == 0) Assert.Equal(0.0, v.Gradient[i]);
            else Assert.NotEqual(0.0, v.Gradient[i]);
    }

    [Fact]
    public void Ideal_die_is_the_scaled_identity()
    {
        var tape = new Tape<double>(new MacPool(1));
        var v = tape.Input([1.0, -1, 1, -1], 2, 2);
        var alpha = tape.Input([0.5], 1, 1);
        var w = tape.DieWeights(v, alpha, [1.0, 1, 1, 1], [0.0, 0, 0, 0]);
        Assert.Equal([0.5, -0.5, 0.5, -0.5], w.Values.ToArray());
    }
}
