using HwDsl.Contracts;
using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests.Devices;

/// <summary>Every non-ideality of the device model changes the deployed weights, in the physically expected direction,
/// and leaves them bit-identical at its ideal value.</summary>
public sealed class DeployTests
{
    private const float WMax = 0.8f;
    private static readonly float[] W = Weights(40 * 80, 1);

    private sealed record Config(int Bits = 4, double R = double.PositiveInfinity, double Nu = 0, double A = 0,
        double RNeg = double.PositiveInfinity, double NuNeg = 0, double ProgSigma = 0, double ReadSigma = 0,
        WeightMapping Mapping = WeightMapping.DifferentialPair, ulong Seed = 11);

    // Uniform over 1.1·[−w_max, w_max]: covers every level and clips a few.
    private static float[] Weights(int n, ulong seed)
    {
        var rng = new SeededRandom(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(WMax * 1.1 * (2 * rng.NextDouble() - 1)))];
    }

    private static WeightLevels Levels(Config c) => WeightLevels.Build(NvmDevice.Instance,
        new ElementParameters(c.R, c.Nu, 1), new ElementParameters(c.RNeg, c.NuNeg, 1 + c.A), c.Bits, c.Mapping);

    private static float[] Deploy(Config c)
    {
        var y = new float[W.Length];
        Levels(c).Deploy(W, WMax, y, new DeployNoise(c.ProgSigma, c.ReadSigma, c.Seed, 0, 0));
        return y;
    }

    private static readonly float[] Ideal = Deploy(new Config());

    private static double MeanAbsDiff(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Average();

    [Fact]
    public void Ideal_device_is_plain_symmetric_quantization()
    {
        for (var bits = 1; bits <= 8; bits++)
        {
            var levels = Levels(new Config(Bits: bits));
            var l = (1 << bits) - 1;
            Assert.Equal(2 * l + 1, levels.Count);
            for (var k = -l; k <= l; k++) Assert.Equal((float)((double)k / l), levels.Values[k + l]);
            Assert.Equal(0, levels.PositiveLevel(l));
            Assert.Equal(0, levels.NegativeLevel(l));
            Assert.Equal(l, levels.NegativeLevel(0));
            Assert.Equal(l, levels.PositiveLevel(2 * l));
        }
        var y = new float[W.Length];
        WeightMapper.Hard(Levels(new Config()).Programming, W, WMax, y);
        Assert.Equal(y, Ideal);
    }

    [Fact]
    public void Ideal_values_set_explicitly_leave_the_deployment_bit_identical()
    {
        Assert.Equal(Ideal, Deploy(new Config(R: double.PositiveInfinity, Nu: 0, A: 0, RNeg: double.PositiveInfinity, NuNeg: 1e-12)));
        Assert.Equal(Ideal, Deploy(new Config(ProgSigma: 0, ReadSigma: 0, Seed: 999)));
        Assert.Equal(Ideal, Deploy(new Config(Nu: 5e-10)));
    }

    [Fact]
    public void More_bits_lower_the_quantization_error()
    {
        double Error(int bits)
        {
            var y = Deploy(new Config(Bits: bits));
            return W.Zip(y).Where(p => Math.Abs(p.First) <= WMax).Average(p => Math.Abs((double)p.First - p.Second));
        }
        var errors = new[] { 1, 2, 3, 4, 6, 8 }.Select(Error).ToArray();
        for (var i = 1; i < errors.Length; i++) Assert.True(errors[i] < 0.7 * errors[i - 1], string.Join(", ", errors));
        // Uniform weights: mean error ≈ step/4 = w_max/(4(L−1)).
        Assert.InRange(errors[3], 0.8 * WMax / 60, 1.2 * WMax / 60);
    }

    [Fact]
    public void Finite_on_off_ratio_shrinks_the_range_by_one_minus_one_over_r()
    {
        foreach (var r in new[] { 10.0, 100.0 })
        {
            var y = Deploy(new Config(R: r, RNeg: r));
            Assert.Equal(WMax * (1 - 1 / r), y.Max(), 5);
            Assert.Equal(-WMax * (1 - 1 / r), y.Min(), 5);
            Assert.True(MeanAbsDiff(y, Ideal) > 0.1 * WMax / r);
        }
        // Only the positive element: its Gmin = 1/r lifts every value that leaves it at level 0 (zero moves to +1/r and
        // the negative end to −(1 − 1/r)); its top (G⁺ = 1, G⁻ = 0) stays.
        var p = Levels(new Config(R: 10));
        Assert.Equal(1f, p.Max, 6);
        Assert.Equal(-1f + 0.1f, p.Min, 6);
        Assert.Contains(0.1f, p.Values.ToArray());
    }

    [Fact]
    public void Asymmetry_stretches_the_negative_side_by_one_plus_a()
    {
        var levels = Levels(new Config(A: 0.25));
        Assert.Equal(-1.25f, levels.Min, 6);
        Assert.Equal(1f, levels.Max, 6);
        var y = Deploy(new Config(A: 0.25));
        Assert.True(y.Min() < Ideal.Min() - 0.05, $"{y.Min()} vs {Ideal.Min()}");
        Assert.Equal(WMax, y.Max(), 6);
        Assert.True(MeanAbsDiff(y, Ideal) > 0.01);
        // The most negative weight deploys to −(1 + a)·w_max.
        var extreme = new float[1];
        levels.Deploy([-2 * WMax], WMax, extreme, DeployNoise.None);
        Assert.Equal(-1.25 * WMax, extreme[0], 5);
        // With a finite ratio the zero level shifts to −a/r.
        var z = Levels(new Config(A: 0.25, R: 10, RNeg: 10));
        Assert.Contains(-0.025f, z.Values.ToArray());
    }

    [Fact]
    public void Non_linearity_raises_the_middle_levels_above_the_linear_ones()
    {
        var levels = Levels(new Config(Nu: 2));
        var l = 15;
        for (var k = 1; k < l; k++) Assert.True(levels.Values[l + k] > (double)k / l + 0.01, $"level {k}: {levels.Values[l + k]}");
        Assert.Equal(1f, levels.Max, 6);
        Assert.True(MeanAbsDiff(Deploy(new Config(Nu: 2)), Ideal) > 0.005);
        // Negative ν (convex) lowers them.
        var convex = Levels(new Config(Nu: -2));
        for (var k = 1; k < l; k++) Assert.True(convex.Values[l + k] < (double)k / l - 0.01);
    }

    [Fact]
    public void Negative_element_parameters_act_on_the_negative_side()
    {
        var bent = Levels(new Config(NuNeg: 2));
        var l = 15;
        for (var k = 1; k < l; k++)
        {
            Assert.True(bent.Values[l - k] < -(double)k / l - 0.01, $"level -{k}: {bent.Values[l - k]}");
            Assert.Equal((float)k / l, bent.Values[l + k]);
        }
        Assert.True(MeanAbsDiff(Deploy(new Config(NuNeg: 2)), Ideal) > 0.005);

        // A finite ratio on G⁻ lifts its level 0 to 1/r⁻: every value with G⁻ at level 0 moves down by 1/r⁻.
        var y = Deploy(new Config(RNeg: 20));
        Assert.Equal(WMax * (1 - 1 / 20.0), y.Max(), 5);
        Assert.Equal(-WMax, y.Min(), 5);
        Assert.True(MeanAbsDiff(y, Ideal) > 0.005);
    }

    [Theory]
    [InlineData(0.02, 0)]
    [InlineData(0, 0.02)]
    [InlineData(0.05, 0)]
    public void Noise_adds_zero_mean_scatter_of_the_declared_size(double programming, double read)
    {
        var sigma = Math.Max(programming, read);
        var y = Deploy(new Config(ProgSigma: programming, ReadSigma: read));
        var d = y.Zip(Ideal, (a, b) => ((double)a - b) / WMax).ToArray();
        var mean = d.Average();
        var std = Math.Sqrt(d.Average(v => (v - mean) * (v - mean)));
        // Two elements each with σ; the one at level 0 (and one at Gmax) is clipped to half a normal, so the spread
        // lies between σ·√(1 + 0.34) and σ·√2.
        Assert.InRange(std, 1.05 * sigma, 1.45 * sigma);
        Assert.True(Math.Abs(mean) < 0.1 * sigma, $"mean {mean}");
        // Same seed replays; another seed, sample or layer draws anew.
        Assert.Equal(y, Deploy(new Config(ProgSigma: programming, ReadSigma: read)));
        Assert.NotEqual(y, Deploy(new Config(ProgSigma: programming, ReadSigma: read, Seed: 12)));
        var levels = Levels(new Config());
        var other = new float[W.Length];
        levels.Deploy(W, WMax, other, new DeployNoise(programming, read, 11, 1, 0));
        Assert.NotEqual(y, other);
        levels.Deploy(W, WMax, other, new DeployNoise(programming, read, 11, 0, 1));
        Assert.NotEqual(y, other);
    }

    [Fact]
    public void Programming_and_read_noise_use_separate_streams()
    {
        var both = Deploy(new Config(ProgSigma: 0.02, ReadSigma: 0.02));
        var prog = Deploy(new Config(ProgSigma: 0.02));
        var std = Math.Sqrt(both.Zip(prog, (a, b) => ((double)a - b) * (a - b)).Average()) / WMax;
        Assert.InRange(std, 0.02, 0.03);
    }

    [Fact]
    public void Single_element_with_reference_cannot_reach_minus_one_at_finite_ratio()
    {
        var ideal = Levels(new Config(Mapping: WeightMapping.SingleWithReference));
        Assert.Equal(16, ideal.Count);
        Assert.Equal(-1f, ideal.Min);
        Assert.Equal(1f, ideal.Max);
        Assert.Equal(-1, ideal.NegativeLevel(3));
        Assert.Equal(0.5, ideal.NegativeConductance(3));
        Assert.True(MeanAbsDiff(Deploy(new Config(Mapping: WeightMapping.SingleWithReference)), Ideal) > 0.01);

        var y = Deploy(new Config(Mapping: WeightMapping.SingleWithReference, R: 10));
        Assert.Equal(-WMax * 0.8, y.Min(), 5);
        Assert.Equal(WMax, y.Max(), 6);
    }

    [Fact]
    public void Non_monotone_device_is_rejected_naming_device_and_level()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            WeightLevels.Build(new BumpyDevice(), ElementParameters.Ideal, ElementParameters.Ideal, 3, WeightMapping.DifferentialPair, "bumpy"));
        Assert.Contains("bumpy", e.Message);
        Assert.Contains("level 4", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels(new Config(Bits: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels(new Config(Bits: 17)));
    }

    [Fact]
    public void Sixteen_bit_tables_build_and_map()
    {
        var levels = Levels(new Config(Bits: 16, Nu: 1.5, A: 0.1, R: 50, RNeg: 50));
        Assert.Equal(2 * 65535 + 1, levels.Count);
        var y = Deploy(new Config(Bits: 16, Nu: 1.5, A: 0.1, R: 50, RNeg: 50));
        // At 16 bits the rounding to an intended level is negligible: what is left is the device curve itself.
        var curve = new float[W.Length];
        levels.Response.Apply(W, WMax, curve, default);
        Assert.True(y.Zip(curve).All(p => Math.Abs(p.First - p.Second) < 1e-3 * WMax), "16-bit deployment departs from the device curve");
        Assert.True(y.Zip(W).Any(p => Math.Abs(p.First - p.Second) > 0.05 * WMax), "ν = 1.5 should bend the deployed weights away from w");
    }

    /// <summary>A linear curve with a dip at level 4 of 8.</summary>
    private sealed class BumpyDevice : IDevice
    {
        public int MaxBits => 16;
        public double? OnOffRatio => null;
        public bool Drifts => false;
        public DefectRates Defects => DefectRates.None;
        public double Conductance(double u, ElementParameters element) => Math.Abs(u - 4 / 7.0) < 1e-9 ? 0.1 : u;
        public double ConductanceDerivative(double u, ElementParameters element) => 1;
        public CellState Program(double target, ElementParameters element, double sigma, IRandomSource random) => new(target, target);
        public double ProgrammingSigma(double target, ElementParameters element, double sigma) => 0;
        public double Drift(CellState cell, ElementParameters element, double seconds) => cell.Conductance;
        public double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random) => cell.Conductance;
        public double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds) => 0;
        public double Defective(DefectKind kind, ElementParameters element, IRandomSource random) => 0;
    }
}
