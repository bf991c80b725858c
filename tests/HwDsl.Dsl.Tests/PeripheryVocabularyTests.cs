using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

/// <summary>The periphery and time vocabulary (issue 14): stages in pipeline order with per-layer overrides, noise-aware
/// training, OverTime and drift compensation, each refused at its script line with its HW08xx code.</summary>
public sealed class PeripheryVocabularyTests
{
    private static HardwareBuilder Hw => Hardware.DifferentialPair().WeightBits(4);   // builders are mutable: a fresh one each time

    [Fact]
    public void Stages_sit_in_input_array_output_order_and_a_layer_override_replaces_one()
    {
        var spec = Mlp(Hw.Adc(8).OutputNoise(0.04).IrDrop(1e-4).ReadNoisePerMvm(0.02).InputRange(InputRange.Dynamic),
            l => l.Last.Adc(6, AdcRange.Fixed(2))).Build();
        Assert.Equal(["InputRange", "IrDrop", "ReadNoisePerMvm", "OutputNoise", "Adc"], spec.Layers[0].Periphery.Select(s => s.Name));
        Assert.Equal(new Adc(8, AdcRange.Calibrated(99.9)), spec.Layers[0].Periphery[^1]);
        Assert.Equal(new Adc(6, AdcRange.Fixed(2)), spec.Layers[2].Periphery[^1]);
        var view = spec.DebugView();
        Assert.Contains("Adc(8-bit, calibrated p99.9)", view);
        Assert.Contains("IrDrop(wire 0.0001)", view);
        Assert.True(spec.Layers[0].IsNoisy, "per-MVM noise draws per sample");
        Assert.False(Mlp(Hw.Adc(8).IrDrop(1e-4)).Build().Layers[0].IsNoisy);
    }

    [Fact]
    public void Bad_stage_values_are_refused_at_their_line()
    {
        AssertAt(Fails(Mlp(Hw.Adc(17)), RuleCodes.AdcBits), Here());
        AssertAt(Fails(Mlp(Hw.Adc(8, AdcRange.Calibrated(101))), RuleCodes.AdcPercentile), Here());
        AssertAt(Fails(Mlp(Hw.IrDrop(-1e-4)), RuleCodes.IrDrop), Here());
        AssertAt(Fails(Mlp(Hw.InputRange(InputRange.Fixed(double.NaN))), RuleCodes.InputRange), Here());
        AssertAt(Fails(Mlp(Hardware.Binary().IrDrop(1e-4)), RuleCodes.IrDropOnBinary), Here());
    }

    [Fact]
    public void Noise_aware_training_is_hardware_aware_with_a_noise_record_and_checks_its_values()
    {
        var spec = Mlp(Hw.ProgrammingNoise(0.02)).Train(t => t.NoiseAware(scale: 0.5, at: TimeSpan.FromHours(1))).Build();
        Assert.Equal(TrainingMode.HardwareAware, spec.Training.Mode);
        Assert.Equal(new TrainingNoise(0.5, 3600), spec.Training.Noise);
        Assert.Null(Mlp(Hw).Train(t => t.NoiseAware().HardwareAware()).Build().Training.Noise);   // a later mode replaces it
        AssertAt(Fails(Mlp(Hw).Train(t => t.NoiseAware(scale: 11)), RuleCodes.NoiseAwareScale), Here());
        AssertAt(Fails(Mlp(Hw).Train(t => t.NoiseAware(at: TimeSpan.FromSeconds(-1))), RuleCodes.NoiseAwareTime), Here());
    }

    [Fact]
    public void Over_time_and_drift_compensation_are_checked_against_the_mode_and_the_other_read_settings()
    {
        var spec = Mlp(Hw).Evaluate(e => e.OverTime(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)).DriftCompensation()).Build();
        Assert.Equal([1.0, 86400.0], spec.Evaluation.Times);
        Assert.True(spec.Evaluation.DriftCompensation);
        Assert.Contains("OverTime", spec.DebugView());
        AssertAt(Fails(Mlp(Hw).Evaluate(e => e.OverTime(TimeSpan.FromDays(1), TimeSpan.FromSeconds(1))), RuleCodes.OverTimeTimes), Here());
        AssertAt(Fails(Mlp(Hw).Train(t => t.Float()).Evaluate(e => e.OverTime(TimeSpan.FromSeconds(1))), RuleCodes.OverTimeInFloatMode), Here());
        AssertAt(Fails(Mlp(Hw).Train(t => t.Float()).Evaluate(e => e.DriftCompensation()), RuleCodes.DriftCompensationInFloatMode), Here());
        AssertAt(Fails(Mlp(Hw).Evaluate(e => e.AtSeconds(5).OverTime(TimeSpan.FromSeconds(1))), RuleCodes.OverTimeWithAt), Here());
    }
}
