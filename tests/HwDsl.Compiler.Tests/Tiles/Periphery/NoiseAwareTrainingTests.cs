using HwDsl.Autodiff;
using HwDsl.Kernels;
using static HwDsl.Compiler.Tests.PeripheryNet;

namespace HwDsl.Compiler.Tests;

/// <summary>Noise-aware training: every training pass adds a fresh draw of the device's programming and read deviation to
/// the mapped weights; the gradient passes through.</summary>
public sealed class NoiseAwareTrainingTests
{
    private static readonly float[] X = Inputs(30);

    [Fact]
    public void Each_pass_draws_the_programming_deviation_anew_at_the_devices_scale()
    {
        var clean = Compile(Spec(h => h.ProgrammingNoise(0.03), t => t.HardwareAware()));
        var net = Compile(Spec(h => h.ProgrammingNoise(0.03), t => t.NoiseAware(scale: 1)));
        var reference = Layer0(clean, X, NetworkPhase.Train);
        var a = Layer0(net, X, NetworkPhase.Train);
        var b = Layer0(net, X, NetworkPhase.Train);
        Assert.NotEqual(reference, a);
        Assert.NotEqual(a, b);
        Assert.Equal(reference, Layer0(clean, X, NetworkPhase.Train));

        var layer = net.HardwareLayers.First();
        var draws = layer.Noise!;
        var range = layer.WeightRange;
        var n = draws.Draw(layer, range);
        var sd = Math.Sqrt(n.Average(v => v * (double)v)) / range;
        Assert.InRange(sd, 0.03 * Math.Sqrt(2) * 0.5, 0.03 * Math.Sqrt(2) * 1.1);   // two elements, each σ of Gmax (less where a bound clips)
        Assert.Equal(3, draws.Passes);
        var full = Compile(Spec(h => h.ProgrammingNoise(0.03), t => t.NoiseAware(scale: 1))).HardwareLayers.First();
        var half = Compile(Spec(h => h.ProgrammingNoise(0.03), t => t.NoiseAware(scale: 0.5))).HardwareLayers.First();
        var f = full.Noise!.Draw(full, range).ToArray();
        var m = half.Noise!.Draw(half, range);
        for (var i = 0; i < f.Length; i++) Assert.Equal(0.5f * f[i], m[i], 6);   // the same first draw, half the size
    }

    [Fact]
    public void The_gradient_of_the_weights_passes_through_the_injected_noise()
    {
        float[] WeightGradient(ExperimentSpec spec)
        {
            var net = Compile(spec);
            net.Phase = NetworkPhase.Train;
            var tape = new Tape<float>(new MacPool(1));
            var x = tape.Input(X, 30, Features);
            var layer = net.HardwareLayers.First();
            tape.Backward(tape.SoftmaxCrossEntropy(layer.Forward(tape, x), new int[30], out _));
            return layer.Weights.Gradient.ToArray();
        }
        var g = WeightGradient(Spec(h => h.ProgrammingNoise(0.03), t => t.NoiseAware()));
        Assert.All(g, v => Assert.True(float.IsFinite(v)));
        Assert.Contains(g, v => v != 0);
        Assert.Equal(RuleCodes.NoiseAwareScale, Assert.Single(Assert.Throws<SpecException>(() => Spec(train: t => t.NoiseAware(scale: 0))).Errors).Code);
    }

    [Fact]
    public void Noise_aware_training_with_nothing_to_inject_is_refused_at_binding_at_its_line()
    {
        var spec = Spec(train: t => t.NoiseAware()); var line = Line();
        var e = Assert.Throws<SpecException>(() => ExperimentBinder.Bind(spec, DeviceCatalog.Default, Features, Classes));
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleCodes.NoiseAwareWithoutNoise, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Contains("no analog layer has any", error.Message);
        ExperimentBinder.Bind(Spec(h => h.ReadNoisePerMvm(0.01), t => t.NoiseAware()), DeviceCatalog.Default, Features, Classes);
        ExperimentBinder.Bind(Spec(h => h.Device("pcm"), t => t.NoiseAware()), PluginCatalog.Create(), Features, Classes);   // the device's own noise
    }
}
