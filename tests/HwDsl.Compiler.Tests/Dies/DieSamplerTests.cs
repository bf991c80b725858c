using HwDsl.Compiler;

namespace HwDsl.Compiler.Tests;

/// <summary>Dies honour the declared rates and spread, are reproducible from their seed, and nothing happens when rates are 0.</summary>
public sealed class DieSamplerTests
{
    private static LayerHardware Layer(HardwareBuilder hw) =>
        Experiment.Named("t").Data(Datasets.Named("s", classes: 4, inputSize: 200)).Network(n => n.Dense(200).Sign().Dense(4)).On(hw).Build().Layers[0];

    private static ArrayDefects Sample(HardwareBuilder hw, long die = 0, ulong seed = 1, ulong purpose = DieSampler.Evaluation, int elements = 1)
    {
        var a = new ArrayDefects(0, 200, 200, elements);
        DieSampler.Fill(a, Layer(hw), seed, purpose, die);
        return a;
    }

    private static void AssertRate(double expected, int count, int n)
    {
        var sd = Math.Sqrt(n * expected * (1 - expected));
        Assert.InRange(count, n * expected - 4 * sd, n * expected + 4 * sd);
    }

    [Fact]
    public void Fixed_rates_are_honoured_statistically()
    {
        var a = Sample(Hardware.Binary().Defects(d => d.Open(0.1).Shorted(0.05).StuckRandom(0.02)));
        int n = a.States.Length;
        AssertRate(0.1, a.Count(DeviceState.Open), n);
        AssertRate(0.05, a.Count(DeviceState.Short), n);
        AssertRate(0.02, a.Count(DeviceState.Stuck), n);
        var stuckLevels = a.States.Select((s, i) => (s, v: a.Values[i])).Where(p => p.s == DeviceState.Stuck).Select(p => p.v).ToList();
        Assert.All(stuckLevels, v => Assert.True(v is 0f or 1f));            // a binary device sticks in one of its two states
        AssertRate(0.5, stuckLevels.Count(v => v == 1f), stuckLevels.Count);
    }

    [Fact]
    public void Variation_spreads_working_devices_by_the_declared_sigma()
    {
        var a = Sample(Hardware.Binary().DeviceToDevice(0.08));
        Assert.Equal(a.States.Length, a.Count(DeviceState.Ok));
        var v = a.Values.Select(x => (double)x).ToList();
        var mean = v.Average();
        var sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        Assert.Equal(1.0, mean, 0.002);
        Assert.Equal(0.08, sd, 0.002);
    }

    [Fact]
    public void Nothing_changes_when_rates_and_variation_are_zero()
    {
        var a = Sample(Hardware.Binary().Defects(d => d.Open(0).Shorted(0)).DeviceToDevice(0));
        Assert.All(a.States, s => Assert.Equal(DeviceState.Ok, s));
        Assert.All(a.Values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Beta_rates_differ_per_die_with_the_declared_mean_and_sd()
    {
        var layer = Layer(Hardware.Binary().Defects(d => d.Shorted(Dist.Beta(mean: 0.05, sd: 0.02))));
        var rates = Enumerable.Range(0, 300).Select(i =>
        {
            var a = new ArrayDefects(0, 50, 50, 1);
            DieSampler.Fill(a, layer, 3, DieSampler.Evaluation, i);
            return a.Count(DeviceState.Short) / 2500.0;
        }).ToList();
        var mean = rates.Average();
        var sd = Math.Sqrt(rates.Sum(r => (r - mean) * (r - mean)) / (rates.Count - 1));
        Assert.Equal(0.05, mean, 0.004);
        // Spread over dies = Beta spread plus binomial sampling within a die: sqrt(0.02² + 0.05·0.95/2500) ≈ 0.0205.
        Assert.InRange(sd, 0.017, 0.024);
    }

    [Fact]
    public void A_die_depends_on_its_seed_and_index_only()
    {
        var hw = Hardware.Binary().Defects(d => d.Open(0.05).Shorted(Dist.Beta(0.03, 0.01))).DeviceToDevice(0.05);
        Assert.True(Sample(hw, die: 7).SameAs(Sample(hw, die: 7)));
        Assert.False(Sample(hw, die: 7).SameAs(Sample(hw, die: 8)));
        Assert.False(Sample(hw, die: 7).SameAs(Sample(hw, die: 7, seed: 2)));
        Assert.False(Sample(hw, die: 7).SameAs(Sample(hw, die: 7, purpose: DieSampler.Training)));
        // Die 5 of a population of 6 is die 5 of a population of 36.
        var spec = Experiment.Named("t").Data(Datasets.Named("s", classes: 4, inputSize: 20)).Network(n => n.Dense(8).Sign().Dense(4)).On(hw).Build();
        ArrayShape[] shapes = [new(0, 20, 8, 1), new(1, 8, 4, 1)];
        var small = Enumerable.Range(0, 6).Select(i => DieSource.Die(Dies.Sample(6, 4), spec.Layers, shapes, i)).ToList();
        var large = Enumerable.Range(0, 36).Select(i => DieSource.Die(Dies.Sample(36, 4), spec.Layers, shapes, i)).ToList();
        Assert.True(small[5].SameAs(large[5]));
    }
}
