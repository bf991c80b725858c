using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests.Rounding;

public sealed class RoundingValidationTests
{
    [Fact]
    public void Each_rounding_method_is_selectable_and_kept_in_the_spec()
    {
        var hw = Hardware.SingleElement().WeightBits(2);
        Assert.Equal(WeightRounding.Nearest, Mlp(hw).Train(t => t.NaiveMapping()).Build().Training.Rounding);
        var stochastic = Mlp(hw).Train(t => t.NaiveMapping().Rounding(HwDsl.Rounding.Stochastic)).Build();
        Assert.Equal(WeightRounding.Stochastic, stochastic.Training.Rounding);
        Assert.NotEqual(stochastic, Mlp(hw).Train(t => t.NaiveMapping()).Build());
        var inTraining = Mlp(hw).Train(t => t.HardwareAware(HwDsl.Rounding.InTraining)).Build();
        Assert.IsType<SteRelaxation>(inTraining.Training.Relaxation);
        var fitted = Mlp(Hardware.SingleElement().WeightBits(2).WeightRange(HwDsl.Rounding.FittedScale)).Build();
        Assert.All(fitted.Layers, l => Assert.IsType<FittedWeightRange>(l.Range));
        Assert.Matches(@"Rounding\s+Stochastic\s+\[RoundingValidationTests\.cs:\d+\]", stochastic.DebugView());
        Assert.Contains("Fitted", fitted.DebugView());
    }

    [Fact]
    public void Stochastic_rounding_is_refused_with_noise_and_in_float_mode()
    {
        var line = Here(); var e = Fails(Mlp(Hardware.SingleElement().WeightBits(2).ProgrammingNoise(0.02)).Train(t => t.NaiveMapping().Rounding(HwDsl.Rounding.Stochastic)), RuleCodes.StochasticRoundingWithNoise);
        AssertAt(e, line);
        Assert.Contains("programming or read noise", e.Message);
        e = Fails(Mlp(Hardware.SingleElement().WeightBits(2)).Train(t => t.Float().Rounding(HwDsl.Rounding.Stochastic)), RuleCodes.RoundingInFloatMode);
        Assert.Contains("use NaiveMapping() or HardwareAware()", e.Message);
    }
}
