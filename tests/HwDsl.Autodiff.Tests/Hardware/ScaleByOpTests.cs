using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

/// <summary>Scaling by a trainable scalar, and the learned weight range it builds: s·R(Q(W/s)).</summary>
public sealed class ScaleByOpTests
{
    private static (DeviceResponse Response, LevelTable Grid) Device()
    {
        // Seven levels of a bent, asymmetric device on the even grid over [-1, 1].
        float[] q = [-1.1f, -0.62f, -0.27f, -0.02f, 0.3f, 0.7f, 0.95f];
        return (new DeviceResponse(-1f, 1f / 3, q), new LevelTable([-1f, -2f / 3, -1f / 3, 0f, 1f / 3, 2f / 3, 1f]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scale_and_divide_gradients_match_finite_differences(bool divide)
    {
        var rng = new SeededRandom(21);
        var x = GradientCheck.Random(3, 5, rng);
        var s = Tensor<double>.Parameter(1, 1);
        s.Values[0] = 0.7;
        var report = GradientCheck.Compare(t => divide ? t.DivideBy(x, s) : t.ScaleBy(x, s), [x, s]);
        Assert.True(report.Agrees, report.ToString());
    }

    [Fact]
    public void Learned_range_through_the_relaxed_device_mapping_matches_finite_differences()
    {
        var (response, grid) = Device();
        var rng = new SeededRandom(22);
        var w = GradientCheck.Random(4, 6, rng, r => 0.5 * (2.4 * r.NextDouble() - 1.2));   // some beyond the range: they clip
        var s = Tensor<double>.Parameter(1, 1);
        s.Values[0] = 0.45;
        var report = GradientCheck.Compare(
            t => t.ScaleBy(t.MapToDevice(t.DivideBy(w, s), response, grid, 1.0, WeightGradient.Relaxed(3)), s), [w, s], tolerance: 1e-5);
        Assert.True(report.Agrees, report.ToString());
        Assert.NotEqual(0, s.Gradient[0]);
    }

    [Fact]
    public void Learned_range_with_the_straight_through_rule_has_the_step_size_gradient()
    {
        // The 7 even levels of a linear device: ds = Σ dy·(Q(u_c) − [inside]·u), as in LSQ.
        float[] even = [-1f, -2f / 3, -1f / 3, 0f, 1f / 3, 2f / 3, 1f];
        var response = new DeviceResponse(-1f, 1f / 3, even);
        var grid = new LevelTable(even);
        var rng = new SeededRandom(23);
        var w = GradientCheck.Random(2, 9, rng, r => 0.6 * (2.4 * r.NextDouble() - 1.2));
        var s = Tensor<double>.Parameter(1, 1);
        s.Values[0] = 0.6;
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.ScaleBy(tape.MapToDevice(tape.DivideBy(w, s), response, grid, 1.0, WeightGradient.Ste), s);
        var loss = tape.Dense(tape.Input(Enumerable.Repeat(1.0, 2).ToArray(), 1, 2), y);
        tape.Backward(tape.Dense(loss, Tensor<double>.Constant(Enumerable.Repeat(1.0, 9).ToArray(), 9, 1)));
        double expected = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var u = w.Values[i] / 0.6;
            var q = Math.Round(Math.Clamp(u, -1, 1) * 3, MidpointRounding.AwayFromZero) / 3;
            Assert.Equal(0.6 * q, y.Values[i], 6);
            expected += q - (Math.Abs(u) <= 1 ? u : 0);
        }
        Assert.Equal(expected, s.Gradient[0], 6);
    }

    [Fact]
    public void A_scale_that_is_not_positive_is_refused()
    {
        var s = Tensor<double>.Parameter(1, 1);
        var x = GradientCheck.Random(1, 3, new SeededRandom(24));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Tape<double>(new MacPool(1)).DivideBy(x, s));
        Assert.Contains("finite and > 0", e.Message);
    }
}
