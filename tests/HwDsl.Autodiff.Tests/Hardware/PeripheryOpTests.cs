using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

/// <summary>The periphery's tape ops: the learned-range DAC (exact gradient where it is smooth, checked in double), the
/// dynamic-range DAC (α·Q(x/α), straight-through identity) and noise injection (gradient passes through).</summary>
public sealed class PeripheryOpTests
{
    private static Tensor<double> Inputs(int rows, int cols, SeededRandom rng, double scale) =>
        GradientCheck.Random(rows, cols, rng, r => scale * r.NextNormal());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Learned_range_without_quantization_clips_and_its_gradient_in_x_and_b_matches_finite_differences(bool signed)
    {
        var rng = new SeededRandom(11);
        var x = Inputs(5, 7, rng, 0.8);
        var b = Tensor<double>.Parameter(1, 1);
        b.Values[0] = 0.7;
        var report = GradientCheck.Compare(t => t.ClipQuantize(x, b, 0, signed, WeightGradient.Ste), [x, b]);
        Assert.True(report.Agrees, report.ToString());
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.ClipQuantize(x, b, 0, signed, WeightGradient.Ste);
        for (var i = 0; i < x.Length; i++) Assert.Equal(Math.Clamp(x.Values[i], signed ? -0.7 : 0, 0.7), y.Values[i], 12);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Learned_range_relaxed_quantizer_gradient_matches_finite_differences(int bits, bool signed)
    {
        var rng = new SeededRandom(12);
        var x = Inputs(4, 6, rng, 0.6);
        var b = Tensor<double>.Parameter(1, 1);
        b.Values[0] = 0.9;
        var report = GradientCheck.Compare(t => t.ClipQuantize(x, b, bits, signed, WeightGradient.Relaxed(3)), [x, b], tolerance: 1e-5);
        Assert.True(report.Agrees, report.ToString());
    }

    [Fact]
    public void Learned_range_hard_quantizer_lands_on_the_grid_with_the_straight_through_rule()
    {
        var rng = new SeededRandom(13);
        var x = Inputs(3, 8, rng, 1);
        var b = Tensor<double>.Parameter(1, 1);
        b.Values[0] = 0.5;
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.ClipQuantize(x, b, 3, false, WeightGradient.Ste);
        var sum = tape.Dense(tape.Input(Enumerable.Repeat(1.0, 3).ToArray(), 1, 3), y);
        var loss = tape.Dense(sum, Tensor<double>.Constant(Enumerable.Repeat(1.0, 8).ToArray(), 8, 1));
        tape.Backward(loss);
        double db = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var u = x.Values[i] / 0.5;
            var q = Math.Round(Math.Clamp(u, 0, 1) * 7, MidpointRounding.AwayFromZero) / 7;
            Assert.Equal(0.5 * q, y.Values[i], 12);
            var inside = u > 0 && u < 1;
            Assert.Equal(inside ? 1.0 : 0.0, x.Gradient[i]);
            db += q - (inside ? u : 0);
        }
        Assert.Equal(db, b.Gradient[0], 10);
    }

    [Fact]
    public void Dynamic_range_scales_each_row_block_by_its_abs_max_and_passes_the_gradient_straight_through()
    {
        var rng = new SeededRandom(14);
        var x = Inputs(3, 10, rng, 0.3);
        var scales = new float[3 * 2];
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.RowScaledQuantize(x, [0, 6, 10], 4, signed: true, scales);
        for (var i = 0; i < 3; i++)
            for (var r = 0; r < 2; r++)
            {
                var (from, to) = r == 0 ? (0, 6) : (6, 10);
                var alpha = Enumerable.Range(from, to - from).Max(c => Math.Abs(x.Values[i * 10 + c]));
                Assert.Equal((float)alpha, scales[r * 3 + i]);
                for (var c = from; c < to; c++)
                {
                    var cells = (y.Values[i * 10 + c] / alpha + 1) / (2.0 / 14);   // 14 cells over [-1, 1]
                    Assert.Equal(Math.Round(cells), cells, 9);
                    Assert.True(Math.Abs(y.Values[i * 10 + c] - x.Values[i * 10 + c]) <= alpha / 14 + 1e-12);
                }
            }
        // Without quantization y = x and the identity gradient is exact.
        var report = GradientCheck.Compare(t => t.RowScaledQuantize(x, [0, 6, 10], 0, true, new float[6]), [x]);
        Assert.True(report.Agrees, report.ToString());
    }

    [Fact]
    public void Added_noise_shifts_the_value_and_passes_the_gradient_unchanged()
    {
        var rng = new SeededRandom(15);
        var a = Inputs(3, 4, rng, 1);
        var noise = Enumerable.Range(0, 12).Select(i => 0.1 * i).ToArray();
        var report = GradientCheck.Compare(t => t.AddNoise(a, noise), [a]);
        Assert.True(report.Agrees, report.ToString());
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.AddNoise(a, noise);
        for (var i = 0; i < 12; i++) Assert.Equal(a.Values[i] + noise[i], y.Values[i]);
        Assert.Throws<ArgumentException>(() => tape.AddNoise(a, new double[5]));
    }
}
