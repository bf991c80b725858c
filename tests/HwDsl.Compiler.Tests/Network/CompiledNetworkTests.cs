using HwDsl.Autodiff;
using HwDsl.Compiler;
using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests;

/// <summary>What the compiled network computes in each phase, and that each declared non-ideality reaches the deployed outputs.</summary>
public sealed class CompiledNetworkTests
{
    private static ExperimentSpec Spec(Func<HardwareBuilder, HardwareBuilder> hardware, Func<ExperimentBuilder, ExperimentBuilder>? more = null)
    {
        var exp = Experiment.Named("t").Seed(3).Data(Datasets.Named("synthetic", classes: 4, inputSize: 12))
            .Network(n => n.Dense(16).ClippedRelu().Dense(4))
            .On(hardware(Hardware.DifferentialPair()));
        return (more ?? (e => e)).Invoke(exp).Build();
    }

    private static float[] Inputs()
    {
        var rng = new SeededRandom(8);
        return [.. Enumerable.Range(0, 5 * 12).Select(_ => (float)rng.NextDouble())];
    }

    private static float[] Outputs(ExperimentSpec spec, NetworkPhase phase, int sample = 0, bool noise = false)
    {
        var net = NetworkCompiler.Compile(spec, 12, 4);
        net.Deploy(spec.Seed, sample, noise);
        net.Phase = phase;
        var tape = new Tape<float>(new MacPool(1)) { Recording = false };
        return net.Forward(tape, tape.Input(Inputs(), 5, 12)).Values.ToArray();
    }

    private static readonly Func<HardwareBuilder, HardwareBuilder> Ideal = h => h.WeightBits(16);

    [Fact]
    public void Float_phase_ignores_the_hardware()
    {
        var a = Outputs(Spec(h => h.WeightBits(2).OnOffRatio(5).Asymmetry(0.2).NonLinearity(3).ActivationBits(2).InputBits(2)), NetworkPhase.Float);
        var b = Outputs(Spec(Ideal), NetworkPhase.Float);
        Assert.Equal(b, a);
    }

    [Theory]
    [InlineData("weight bits")]
    [InlineData("on/off ratio")]
    [InlineData("asymmetry")]
    [InlineData("non-linearity")]
    [InlineData("activation bits")]
    [InlineData("input bits")]
    [InlineData("single element")]
    public void Each_non_ideality_changes_the_deployed_outputs(string which)
    {
        Func<HardwareBuilder, HardwareBuilder> change = which switch
        {
            "weight bits" => h => h.WeightBits(2),
            "on/off ratio" => h => h.WeightBits(16).OnOffRatio(5),
            "asymmetry" => h => h.WeightBits(16).Asymmetry(0.3),
            "non-linearity" => h => h.WeightBits(16).NonLinearity(3),
            "activation bits" => h => h.WeightBits(16).ActivationBits(2),
            "input bits" => h => h.WeightBits(16).InputBits(1),
            _ => h => Hardware.SingleElement().WeightBits(16).OnOffRatio(5),
        };
        var ideal = Outputs(Spec(Ideal), NetworkPhase.Deployed);
        var changed = Outputs(Spec(change), NetworkPhase.Deployed);
        var largest = ideal.Zip(changed).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(largest > 1e-3, $"{which}: deployed outputs moved by at most {largest}");
    }

    [Fact]
    public void Ideal_values_change_nothing_and_16_bit_ideal_hardware_is_close_to_float()
    {
        var explicitIdeal = Outputs(Spec(h => h.WeightBits(16).OnOffRatio(double.PositiveInfinity).Asymmetry(0).NonLinearity(0)), NetworkPhase.Deployed);
        Assert.Equal(Outputs(Spec(Ideal), NetworkPhase.Deployed), explicitIdeal);
        var soft = Outputs(Spec(Ideal), NetworkPhase.Float);
        Assert.True(soft.Zip(explicitIdeal).All(p => Math.Abs(p.First - p.Second) < 1e-3), "16-bit ideal deployment should match float closely");
    }

    [Theory]
    [InlineData("programming")]
    [InlineData("read")]
    public void Noise_changes_outputs_per_sample_reproducibly_and_not_without_noise(string which)
    {
        var noisy = Spec(h => which == "read" ? h.WeightBits(8).ReadNoise(0.05) : h.WeightBits(8).ProgrammingNoise(0.05));
        var s0 = Outputs(noisy, NetworkPhase.Deployed, sample: 0, noise: true);
        Assert.Equal(s0, Outputs(noisy, NetworkPhase.Deployed, sample: 0, noise: true));
        Assert.NotEqual(s0, Outputs(noisy, NetworkPhase.Deployed, sample: 1, noise: true));
        Assert.Equal(Outputs(Spec(h => h.WeightBits(8)), NetworkPhase.Deployed), Outputs(noisy, NetworkPhase.Deployed, noise: false));
    }

    [Fact]
    public void A_digital_layer_override_keeps_that_layer_exact()
    {
        var spec = Spec(h => h.WeightBits(2).OnOffRatio(5), e => e.On(Hardware.DifferentialPair().WeightBits(2).OnOffRatio(5), l => l.Last.Digital()));
        var net = NetworkCompiler.Compile(spec, 12, 4);
        Assert.Single(net.HardwareLayers);
        net.Deploy(spec.Seed, 0, noise: false);
        var layer = net.HardwareLayers.Single();
        Assert.NotEqual(layer.Weights.Values.ToArray(), layer.DeployedWeights.ToArray());
        Assert.Equal(0, layer.Hardware.Index);
    }

    [Fact]
    public void Unknown_device_lists_the_known_ones()
    {
        var e = Assert.Throws<SpecException>(() => NetworkCompiler.Compile(Spec(h => h.Device("memristor-x")), 12, 4));
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleCodes.UnknownDevice, error.Code);
        Assert.Contains("Device \"memristor-x\" is not known; known devices: nvm", error.Message);
        Assert.EndsWith("CompiledNetworkTests.cs", error.File);
    }

    [Fact]
    public void Relaxation_beta_anneals_geometrically_and_evaluation_switches_to_deployed()
    {
        var net = NetworkCompiler.Compile(Spec(h => h.WeightBits(4), e => e.Train(t => t.HardwareAware(Relaxation.Sigmoid(2, 50)))), 12, 4);
        Assert.Equal(NetworkPhase.Train, net.Phase);
        net.BeginEpoch(0, 3); Assert.Equal(2, net.Beta, 9);
        net.BeginEpoch(1, 3); Assert.Equal(10, net.Beta, 9);
        net.BeginEpoch(2, 3); Assert.Equal(50, net.Beta, 9);
        net.BeginEvaluation(); Assert.Equal(NetworkPhase.Deployed, net.Phase);
        net.EndEvaluation(); Assert.Equal(NetworkPhase.Train, net.Phase);
    }

    [Fact]
    public void A_relaxation_annealed_into_ste_anneals_beta_over_its_relaxed_epochs_then_trains_straight_through()
    {
        var net = NetworkCompiler.Compile(Spec(h => h.WeightBits(4), e => e.Train(t => t.Epochs(5).HardwareAware(Relaxation.SigmoidThenSte(2, 50, 3)))), 12, 4);
        var input = Enumerable.Range(0, 12).Select(i => 0.05f + 0.08f * i).ToArray();
        float[] Output()
        {
            var tape = new Tape<float>(new MacPool(1));
            return net.Forward(tape, tape.Input(input, 1, 12)).Values.ToArray();
        }
        float[] Deployed()
        {
            net.BeginEvaluation();
            var y = Output();
            net.EndEvaluation();
            return y;
        }
        static double Gap(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

        net.BeginEpoch(0, 5); Assert.Equal(2, net.Beta, 9);
        Assert.True(Gap(Output(), Deployed()) > 1e-3, "at beta 2 the relaxed forward differs from the deployed one");
        net.BeginEpoch(1, 5); Assert.Equal(10, net.Beta, 9);
        net.BeginEpoch(2, 5); Assert.Equal(50, net.Beta, 9);
        foreach (var epoch in new[] { 3, 4 })
        {
            net.BeginEpoch(epoch, 5);
            Assert.True(double.IsNaN(net.Beta), $"epoch {epoch}: beta {net.Beta}");
            Assert.True(Gap(Output(), Deployed()) < 1e-5, $"epoch {epoch}: the straight-through forward is the deployed staircase");
        }
    }
}
