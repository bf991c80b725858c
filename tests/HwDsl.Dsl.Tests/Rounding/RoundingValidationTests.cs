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

    [Fact]
    public void A_learned_weight_range_is_kept_in_the_spec_and_refused_without_hardware_aware_training()
    {
        var learned = Mlp(Hardware.DifferentialPair().WeightBits(4).WeightRange(WeightRange.Learned)).Build();
        Assert.All(learned.Layers, l => Assert.IsType<LearnedWeightRange>(l.Range));
        Assert.Contains("Learned", learned.DebugView());
        Assert.NotEqual(learned, Mlp(Hardware.DifferentialPair().WeightBits(4)).Build());

        var line = Here(); var hw = Hardware.DifferentialPair().WeightBits(4).WeightRange(WeightRange.Learned);
        var e = Fails(Mlp(hw).Train(t => t.NaiveMapping()), RuleCodes.LearnedRangeNeedsTraining);
        AssertAt(e, line);
        Assert.Contains("layer 0, 1, 2", e.Message);
        Assert.Contains("the mode is NaiveMapping", e.Message);
        Fails(Mlp(hw).Train(t => t.Float()), RuleCodes.LearnedRangeNeedsTraining);
        // A digital layer has no range to learn; the analog ones still need HardwareAware.
        e = Fails(Mlp(hw, l => l.First.Digital()).Train(t => t.Float()), RuleCodes.LearnedRangeNeedsTraining);
        Assert.Contains("layer 1, 2", e.Message);
    }
}
