using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests;

/// <summary>Each device's non-idealities reach the deployed weights as its physics says, and nothing when they are off.</summary>
public sealed class DeviceDeployTests
{
    private const double Day = 86400, Year = 365 * Day;

    private static CompiledNetwork Net(Func<HardwareBuilder, HardwareBuilder> hw)
    {
        var spec = Experiment.Named("d").Seed(4).Data(Datasets.Named("synthetic", classes: 4, inputSize: 30))
            .Network(n => n.Dense(40).ClippedRelu().Dense(4))
            .On(hw(Hardware.DifferentialPair())).Build();
        return NetworkCompiler.Compile(spec, 30, 4, PluginCatalog.Create());
    }

    private static float[] Deployed(CompiledNetwork net, int sample = 0, bool noise = true, double seconds = 0)
    {
        net.Deploy(seed: 9, sample, noise, seconds);
        return net.HardwareLayers.First().DeployedWeights.ToArray();
    }

    private static float[] Ideal(CompiledNetwork net) => Deployed(net, noise: false);

    private static double MeanAbs(float[] w) => w.Average(x => Math.Abs((double)x));

    private static double Rms(float[] a, float[] b) => Math.Sqrt(a.Zip(b).Average(p => (p.First - p.Second) * (double)(p.First - p.Second)));

    [Fact]
    public void Pcm_drift_shrinks_weights_over_time_by_the_power_law_and_not_without_drift()
    {
        var net = Net(h => h.Device("pcm", "nandakumar2019").WeightBits(4));
        var w0 = Deployed(net, seconds: 0);
        var day = Deployed(net, seconds: Day);
        var year = Deployed(net, seconds: Year);
        // ν ≈ 0.05–0.1 per cell: after a year (t/t0 ≈ 1.6e6) conductances keep 25–50 %, after a day 45–75 %.
        var dayRatio = MeanAbs(day) / MeanAbs(w0);
        var yearRatio = MeanAbs(year) / MeanAbs(w0);
        Assert.InRange(dayRatio, 0.45, 0.8);
        Assert.InRange(yearRatio, 0.2, 0.55);
        Assert.True(yearRatio < dayRatio);
        // drift_scale = 0: the weights keep their size; only the read noise's growth changes them.
        var still = Net(h => h.Device("pcm", "nandakumar2019").DeviceParameter("drift_scale", 0).WeightBits(4));
        Assert.InRange(MeanAbs(Deployed(still, seconds: Year)) / MeanAbs(Deployed(still, seconds: 0)), 0.95, 1.05);
    }

    [Fact]
    public void Pcm_read_noise_grows_with_time_relative_to_the_weights()
    {
        var net = Net(h => h.Device("pcm", "nandakumar2019").DeviceParameter("drift_scale", 0).DeviceParameter("prog_noise_scale", 0).WeightBits(4));
        var ideal = Ideal(net);
        var early = Rms(Deployed(net, seconds: 0), ideal);
        var late = Rms(Deployed(net, seconds: Year), ideal);
        Assert.True(early > 0, "PCM reads are noisy from the first read");
        Assert.True(late > 1.1 * early, $"read noise after a year {late} vs at t0 {early}");
    }

    [Fact]
    public void Intrinsic_noise_spreads_samples_and_replays_from_the_seed()
    {
        foreach (var (device, preset, bits) in new[] { ("rram", "wan2022", 4), ("mtj", "nist-2023", 1), ("pcm", "nandakumar2019", 4), ("fefet", "obradovic2018", 4) })
        {
            var net = Net(h => h.Device(device, preset).WeightBits(bits));
            Assert.True(net.IsNoisy, device);
            var a = Deployed(net, sample: 0);
            Assert.Equal(a, Deployed(net, sample: 0));
            Assert.NotEqual(a, Deployed(net, sample: 1));
            Assert.True(Rms(a, Ideal(net)) > 0, device);
        }
    }

    [Fact]
    public void Noise_off_deploys_the_ideal_mapping()
    {
        var quiet = Net(h => h.Device("rram", "wan2022").DeviceParameter("prog_noise_scale", 0).DeviceParameter("read_noise", 0)
            .DeviceParameter("relax_scale", 0).WeightBits(4));
        Assert.False(quiet.IsNoisy);
        Assert.Equal(Ideal(quiet), Deployed(quiet, seconds: Year));
        var still = Net(h => h.Device("mtj", "nist-2023").DeviceParameter("d2d_sigma", 0).WeightBits(1));
        Assert.False(still.IsNoisy);
        var w = Deployed(still);
        Assert.True(w.Distinct().Count() <= 3, "a binary differential pair holds three weights");
    }

    [Fact]
    public void Mtj_variation_scales_with_d2d_sigma()
    {
        var small = Net(h => h.Device("mtj", "nist-2023").DeviceParameter("d2d_sigma", 0.02).WeightBits(1));
        var large = Net(h => h.Device("mtj", "nist-2023").DeviceParameter("d2d_sigma", 0.08).WeightBits(1));
        var ratio = Rms(Deployed(large), Ideal(large)) / Rms(Deployed(small), Ideal(small));
        Assert.InRange(ratio, 3.5, 4.5);
    }

    [Fact]
    public void Rram_bend_changes_the_levels_and_fefet_msb_error_too()
    {
        var linear = Net(h => h.Device("rram", "wan2022").WeightBits(3)).HardwareLayers.First().Levels.Values.ToArray();
        var bent = Net(h => h.Device("rram", "gong2018-pulsed").WeightBits(3)).HardwareLayers.First().Levels.Values.ToArray();
        Assert.True(bent.Zip(linear).Count(p => Math.Abs(p.First - p.Second) > 0.05) >= 6);
        var even = Net(h => h.Device("fefet").WeightBits(4)).HardwareLayers.First().Levels.Values.ToArray();
        var skewed = Net(h => h.Device("fefet", "obradovic2018").WeightBits(4)).HardwareLayers.First().Levels.Values.ToArray();
        Assert.NotEqual(even, skewed);
    }

    [Fact]
    public void The_built_in_device_ignores_read_time()
    {
        var net = Net(h => h.WeightBits(4).OnOffRatio(10).ProgrammingNoise(0.02).ReadNoise(0.01));
        Assert.Equal(Deployed(net, seconds: 0), Deployed(net, seconds: Year));
    }
}
