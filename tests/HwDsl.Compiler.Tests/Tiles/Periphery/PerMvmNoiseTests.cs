using HwDsl.Autodiff;
using HwDsl.Kernels;
using static HwDsl.Compiler.Tests.PeripheryNet;

namespace HwDsl.Compiler.Tests;

/// <summary>Read noise redrawn on every MVM: output-referred (σ in units of Gmax × full-scale input) and conductance read
/// noise (σ per element, so σ·√2·‖x‖ per column of a differential pair); distinct from programming noise.</summary>
public sealed class PerMvmNoiseTests
{
    private static readonly float[] X = Inputs(400);

    [Fact]
    public void Zero_sigma_leaves_the_deployed_numbers_bit_identical()
    {
        var off = Deployed(Spec(), X);
        Assert.Equal(off, Deployed(Spec(h => h.OutputNoise(0)), X));
        Assert.Equal(off, Deployed(Spec(h => h.ReadNoisePerMvm(0)), X));
    }

    [Fact]
    public void Output_noise_adds_sigma_in_column_current_units_redrawn_every_pass_and_replayed_by_seed()
    {
        var off = Compile(Spec());
        off.Deploy(7, 0, false);
        var scale = off.HardwareLayers.First().WeightRange;
        var clean = Layer0(off, X);
        var net = Compile(Spec(h => h.OutputNoise(0.05)));
        net.Deploy(7, 0, net.IsNoisy);
        Assert.Equal(off.HardwareLayers.First().DeployedWeights.ToArray(), net.HardwareLayers.First().DeployedWeights.ToArray());   // not programming noise
        var first = Layer0(net, X);
        var second = Layer0(net, X);
        var z = first.Select((v, k) => (v - clean[k]) / (double)scale).ToArray();
        var sd = Math.Sqrt(z.Average(v => v * v));
        Assert.InRange(sd, 0.05 * 0.95, 0.05 * 1.05);
        Assert.InRange(Math.Abs(z.Average()), 0, 0.004);
        Assert.NotEqual(first, second);   // redrawn on every MVM
        var again = Compile(Spec(h => h.OutputNoise(0.05)));
        again.Deploy(7, 0, true);
        Assert.Equal(first, Layer0(again, X));   // the same seed, sample and pass replay
        again.Deploy(7, 1, true);
        Assert.NotEqual(first, Layer0(again, X));
    }

    [Fact]
    public void Conductance_read_noise_per_mvm_has_sigma_root2_times_the_input_norm_per_column()
    {
        var off = Compile(Spec());
        off.Deploy(7, 0, false);
        var scale = off.HardwareLayers.First().WeightRange;
        var clean = Layer0(off, X);
        var net = Compile(Spec(h => h.ReadNoisePerMvm(0.02)));
        net.Deploy(7, 0, true);
        var noisy = Layer0(net, X);
        var z = new List<double>();
        for (var i = 0; i < X.Length / Features; i++)
        {
            var norm = Math.Sqrt(X.AsSpan(i * Features, Features).ToArray().Sum(v => v * (double)v));
            for (var j = 0; j < 16; j++) z.Add((noisy[i * 16 + j] - clean[i * 16 + j]) / (scale * 0.02 * Math.Sqrt(2) * norm));
        }
        Assert.InRange(Math.Sqrt(z.Average(v => v * v)), 0.95, 1.05);
        Assert.NotEqual(noisy, Layer0(net, X));
    }

    [Fact]
    public void Output_and_read_noise_declared_together_are_one_draw_whose_variance_is_the_sum()
    {
        var off = Compile(Spec());
        off.Deploy(7, 0, false);
        var scale = off.HardwareLayers.First().WeightRange;
        var clean = Layer0(off, X);
        var net = Compile(Spec(h => h.OutputNoise(0.03).ReadNoisePerMvm(0.02)));
        Assert.Single(net.Arrays.First().OutputStages);
        Assert.Contains("OutputNoise", net.Arrays.First().OutputStages[0].Name);
        Assert.Contains("ReadNoisePerMvm", net.Arrays.First().OutputStages[0].Name);
        net.Deploy(7, 0, true);
        var noisy = Layer0(net, X);
        var z = new List<double>();
        for (var i = 0; i < X.Length / Features; i++)
        {
            var norm = Math.Sqrt(X.AsSpan(i * Features, Features).ToArray().Sum(v => v * (double)v));
            var sigma = scale * Math.Sqrt(0.03 * 0.03 + 0.02 * 0.02 * 2 * norm * norm);   // full-scale input α = 1
            for (var j = 0; j < 16; j++) z.Add((noisy[i * 16 + j] - clean[i * 16 + j]) / sigma);
        }
        Assert.InRange(Math.Sqrt(z.Average(v => v * v)), 0.95, 1.05);
        Assert.InRange(Math.Abs(z.Average()), 0, 0.02);
        // The pipeline's order is physical, not the order of declaration: the noise, then the ADC.
        var stages = Compile(Spec(h => h.OutputNoise(0.03).Adc(8, AdcRange.Fixed(4)).ReadNoisePerMvm(0.02))).Arrays.First().OutputStages;
        Assert.Equal(2, stages.Count);
        Assert.IsType<AdcStage>(stages[1]);
    }

    [Fact]
    public void Noise_aware_training_draws_per_mvm_noise_in_training_and_hardware_aware_training_does_not()
    {
        float[] Train(ExperimentSpec spec) => Layer0(Compile(spec), X, NetworkPhase.Train);
        var clean = Train(Spec(train: t => t.HardwareAware()));
        Assert.Equal(clean, Train(Spec(h => h.OutputNoise(0.05), t => t.HardwareAware())));
        var net = Compile(Spec(h => h.OutputNoise(0.05).ProgrammingNoise(0.02), t => t.NoiseAware()));
        var a = Layer0(net, X, NetworkPhase.Train);
        var b = Layer0(net, X, NetworkPhase.Train);
        Assert.NotEqual(clean, a);
        Assert.NotEqual(a, b);
        Assert.Equal(RuleCodes.OutputNoise, Assert.Single(Assert.Throws<SpecException>(() => Spec(h => h.OutputNoise(-1))).Errors).Code);
        Assert.Equal(RuleCodes.ReadNoisePerMvm, Assert.Single(Assert.Throws<SpecException>(() => Spec(h => h.ReadNoisePerMvm(0.9))).Errors).Code);
    }
}
