using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests.Hardware;

/// <summary>Finite-difference checks in double for the weight-mapping and activation-quantization ops.</summary>
public sealed class HardwareOpGradientTests
{
    // Every element compared agrees with central finite differences within the tolerance; the message names the worst one.
    private static void AssertGradients(GradientReport report) => Assert.True(report.Agrees, report.ToString());

    // A device-like asymmetric table (stretched, bent negative side; zero shifted), 15 levels.
    private static readonly float[] Levels = [-1.25f, -1.0f, -0.8f, -0.62f, -0.45f, -0.3f, -0.16f, -0.03f, 0.1f, 0.26f, 0.41f, 0.55f, 0.68f, 0.8f, 0.9f];
    private static readonly LevelTable Table = new(Levels);
    private const double WMax = 0.7;

    // Weights placed at f ∈ [0.1, 0.9] of a random cell: away from cell boundaries and from the clip bounds.
    private static double InsideCell(SeededRandom r)
    {
        var j = r.NextInt(Levels.Length - 1);
        var f = 0.1 + 0.8 * r.NextDouble();
        return WMax * (Levels[j] + f * ((double)Levels[j + 1] - Levels[j]));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(25)]
    public void Relaxed_weight_mapping(double beta)
    {
        var rng = new SeededRandom(7);
        var w = GradientCheck.Random(6, 9, rng, InsideCell);
        AssertGradients(GradientCheck.Compare(t => t.MapWeights(w, Table, WMax, WeightGradient.Relaxed(beta)), [w], tolerance: 1e-5));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3)]
    [InlineData(20)]
    public void Relaxed_activation_quantization(double beta)
    {
        const int bits = 3;
        const double range = 2.0;
        var step = range / 7;
        var rng = new SeededRandom(8);
        var a = GradientCheck.Random(5, 8, rng, r => step * (r.NextInt(7) + 0.1 + 0.8 * r.NextDouble()));
        AssertGradients(GradientCheck.Compare(t => t.QuantizeActivations(a, bits, range, WeightGradient.Relaxed(beta)), [a], tolerance: 1e-5));
    }

    [Fact]
    public void Relaxed_gradient_is_zero_outside_the_range()
    {
        var w = Tensor<double>.Parameter(1, 4);
        double[] values = [-1.4 * WMax, -1.3 * WMax, 0.95 * WMax, 2 * WMax];
        values.CopyTo(w.Values);
        var g = Backprop(t => t.MapWeights(w, Table, WMax, WeightGradient.Relaxed(4)), w, [1, 1, 1, 1]);
        Assert.Equal([0.0, 0.0, 0.0, 0.0], g);
    }

    [Fact]
    public void Ste_passes_the_gradient_inside_the_range_only()
    {
        var rng = new SeededRandom(9);
        var w = GradientCheck.Random(4, 7, rng, r => WMax * (3 * r.NextDouble() - 1.5));
        var r = Enumerable.Range(0, w.Length).Select(_ => rng.NextNormal()).ToArray();
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.MapWeights(w, Table, WMax, WeightGradient.Ste);
        for (var i = 0; i < w.Length; i++)
        {
            var x = w.Values[i] / WMax;
            var nearest = Levels.MinBy(q => (Math.Abs(q - x), -q));
            Assert.Equal(WMax * nearest, y.Values[i], 12);
        }
        tape.Reset();
        var g = Backprop(t => t.MapWeights(w, Table, WMax, WeightGradient.Ste), w, r);
        for (var i = 0; i < w.Length; i++)
        {
            var x = w.Values[i] / WMax;
            Assert.Equal(x >= Levels[0] && x <= Levels[^1] ? r[i] : 0, g[i]);
        }

        var a = GradientCheck.Random(4, 7, rng, q => 3 * q.NextDouble() - 0.5);
        g = Backprop(t => t.QuantizeActivations(a, 2, 2.0, WeightGradient.Ste), a, r);
        for (var i = 0; i < a.Length; i++) Assert.Equal(a.Values[i] is >= 0 and <= 2 ? r[i] : 0, g[i]);
    }

    [Fact]
    public void Float_ops_agree_with_the_double_path()
    {
        var rng = new SeededRandom(10);
        var wd = GradientCheck.Random(17, 13, rng, r => WMax * (2.6 * r.NextDouble() - 1.3));
        var wf = Tensor<float>.Parameter(17, 13);
        for (var i = 0; i < wd.Length; i++) wf.Values[i] = (float)wd.Values[i];
        foreach (var mode in new[] { WeightGradient.Ste, WeightGradient.Relaxed(0.5), WeightGradient.Relaxed(6), WeightGradient.Relaxed(60) })
        {
            var td = new Tape<double>(new MacPool(1));
            var tf = new Tape<float>(new MacPool(1));
            var yd = td.MapWeights(wd, Table, WMax, mode);
            var yf = tf.MapWeights(wf, Table, (float)WMax, mode);
            for (var i = 0; i < wd.Length; i++) Assert.True(Math.Abs(yd.Values[i] - yf.Values[i]) < 1e-5, $"{mode}: {yd.Values[i]} vs {yf.Values[i]}");
            var ad = td.QuantizeActivations(wd, 4, 0.5, mode);
            var af = tf.QuantizeActivations(wf, 4, 0.5f, mode);
            for (var i = 0; i < wd.Length; i++) Assert.True(Math.Abs(ad.Values[i] - af.Values[i]) < 1e-5, $"{mode}: {ad.Values[i]} vs {af.Values[i]}");
        }
    }

    private static double[] Backprop(Func<Tape<double>, Tensor<double>> forward, Tensor<double> input, double[] r)
    {
        var tape = new Tape<double>(new MacPool(1));
        input.Gradient.Clear();
        var loss = ProjectOp.Forward(tape, forward(tape), r);
        tape.Backward(loss);
        return input.Gradient.ToArray();
    }
}
