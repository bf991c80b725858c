using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

/// <summary>The defect vocabulary freezes into the spec as declared, with provenance, and every HW05xx rule fires where it should.</summary>
public sealed class DefectVocabularyTests
{
    private static ExperimentBuilder Bnn(HardwareBuilder hw) =>
        Experiment.Named("bnn").Data(Datasets.Mnist).Network(n => n.Dense(64).Sign().Dense(10)).On(hw);

    private static HardwareBuilder Defective() =>
        Hardware.Binary().Defects(d => d.Shorted(Dist.Beta(mean: 0.02, sd: 0.01)).Open(0.005)).DeviceToDevice(0.05);

    [Fact]
    public void The_borders_snippet_builds_into_binary_defective_layers()
    {
        int line = Here(); var spec = Bnn(Defective()).Train(t => t.Adam(1e-3).StatisticsAware(everyBatches: 2)).Evaluate(e => e.OnDies(Dies.Sample(36, seed: 1))).Build();
        Assert.All(spec.Layers, l =>
        {
            Assert.True(l.Binary);
            Assert.Equal(1, l.WeightBits);
            Assert.Equal(WeightMapping.SingleWithReference, l.Mapping);
            Assert.Equal(new BetaRate(0.02, 0.01), l.Defects.Shorted);
            Assert.Equal(new FixedRate(0.005), l.Defects.Open);
            Assert.True(l.Defects.StuckRandom.IsZero);
            Assert.Equal(0.05, l.DeviceToDevice);
        });
        Assert.Equal(TrainingMode.HardwareAware, spec.Training.Mode);
        Assert.Equal(new DieTraining(DieTrainingKind.StatisticsAware, 0, 2), spec.Training.Dies);
        Assert.Equal(Dies.Sample(36, 1), spec.Evaluation.Dies);
        Assert.Equal(line, spec.SourceOf("Training.Dies").Line);
        Assert.Equal(line, spec.SourceOf("Evaluation.Dies").Line);
        Assert.Equal(ValueSource.Explicit, spec.SourceOf("Layers[1].Defects.Shorted").Source);
        Assert.Equal(ValueSource.Default, spec.SourceOf("Layers[1].Defects.StuckRandom").Source);
    }

    [Fact]
    public void Beta_shape_parameters_reproduce_mean_and_sd()
    {
        var b = new BetaRate(0.02, 0.01);
        double a = b.Alpha, c = b.Beta;
        Assert.Equal(0.02, a / (a + c), 12);
        Assert.Equal(0.01, Math.Sqrt(a * c / ((a + c) * (a + c) * (a + c + 1))), 12);
    }

    [Fact]
    public void Pair_and_per_layer_overrides()
    {
        var spec = Experiment.Named("bnn").Data(Datasets.Mnist).Network(n => n.Dense(64).Sign().Dense(10))
            .On(Hardware.Binary(pair: true).Defects(d => d.Open(0.01)), layers => layers.Last.Defects(d => d.Shorted(0.03))).Build();
        Assert.Equal(WeightMapping.DifferentialPair, spec.Layers[0].Mapping);
        Assert.Equal(new FixedRate(0), spec.Layers[0].Defects.Shorted);
        Assert.Equal(new FixedRate(0.01), spec.Layers[1].Defects.Open);   // inherited kind kept
        Assert.Equal(new FixedRate(0.03), spec.Layers[1].Defects.Shorted);
    }

    [Fact]
    public void Debug_view_shows_defects_dies_and_training_mode()
    {
        var view = Bnn(Defective()).Train(t => t.PerDie(3)).Evaluate(e => e.OnDies(Dies.Sample(8, seed: 2))).Build().DebugView();
        Assert.Contains("Defects.Shorted", view);
        Assert.Contains("Beta(mean 0.02, sd 0.01)", view);
        Assert.Contains("DeviceToDevice", view);
        Assert.Contains("per-die (die 3)", view);
        Assert.Contains("8 sampled dies, seed 2", view);
    }

    [Fact]
    public void Rates_outside_0_1_are_refused_at_their_line()
    {
        int line = Here(); var e = Fails(Bnn(Hardware.Binary().Defects(d => d.Open(1.5))), RuleCodes.DefectRate);
        AssertAt(e, line);
        Assert.Contains("Defects.Open rate must be in [0, 1]", e.Message);
    }

    [Fact]
    public void Infeasible_beta_is_refused() =>
        Assert.Contains("sqrt(mean(1 - mean))", Fails(Bnn(Hardware.Binary().Defects(d => d.Shorted(Dist.Beta(0.01, 0.2)))), RuleCodes.BetaRate).Message);

    [Fact]
    public void Rates_adding_up_to_more_than_one_are_refused() =>
        Fails(Bnn(Hardware.Binary().Defects(d => d.Open(0.6).Shorted(0.5))), RuleCodes.DefectRateSum);

    [Fact]
    public void Variation_out_of_range_is_refused() =>
        Fails(Bnn(Hardware.Binary().DeviceToDevice(0.7)), RuleCodes.DeviceToDevice);

    [Fact]
    public void Defects_on_a_digital_scope_are_refused() =>
        Fails(Bnn(Hardware.Digital().Defects(d => d.Open(0.1))), RuleCodes.DefectsOnDigital);

    [Fact]
    public void Defects_on_multilevel_weights_are_refused() =>
        Assert.Contains("binary weights only", Fails(Bnn(Hardware.DifferentialPair().WeightBits(4).Defects(d => d.Open(0.1))), RuleCodes.DefectsNeedBinary).Message);

    [Fact]
    public void Binary_with_explicit_weight_bits_is_refused() =>
        Fails(Bnn(Hardware.Binary().WeightBits(4)), RuleCodes.BinaryWeightBits);

    [Fact]
    public void Noise_that_binary_weights_do_not_model_is_refused_not_ignored()
    {
        int line = Here(); var e = Fails(Bnn(Hardware.Binary().ProgrammingNoise(0.02)), RuleCodes.NotModelledOnBinary);
        AssertAt(e, line);
        Assert.Contains("use DeviceToDevice(sigma)", e.Message);
        Fails(Bnn(Hardware.Binary(pair: true).Asymmetry(0.1)), RuleCodes.NotModelledOnBinary);
        Bnn(Hardware.Binary().ProgrammingNoise(0)).Build();
    }

    [Fact]
    public void A_weight_range_on_binary_weights_is_refused_not_ignored()
    {
        int line = Here(); var e = Fails(Bnn(Hardware.Binary().WeightRange(WeightRange.Fixed(0.5))), RuleCodes.NotModelledOnBinary);
        AssertAt(e, line);
        Assert.Contains("learned α", e.Message);
        Fails(Bnn(Hardware.Binary().WeightRange(WeightRange.Learned)), RuleCodes.NotModelledOnBinary);
        Bnn(Hardware.Binary().WeightRange(WeightRange.MaxAbs)).Build();   // the default, said aloud
    }

    [Fact]
    public void Die_population_rules()
    {
        Fails(Bnn(Defective()).Train(t => t.NaiveMapping()).Evaluate(e => e.OnDies(Dies.Sample(0))), RuleCodes.DieCount);
        Fails(Bnn(Defective()).Train(t => t.Float()).Evaluate(e => e.OnDies(Dies.Sample(4))), RuleCodes.DiesInFloatMode);
        Fails(Bnn(Hardware.Binary()).Train(t => t.NaiveMapping()).Evaluate(e => e.OnDies(Dies.Sample(4))), RuleCodes.DiesWithoutDefects);
        Assert.Contains("does not exist", Fails(Bnn(Defective()).Train(t => t.NaiveMapping()).Evaluate(e => e.OnDies(Dies.Load("no/such/die.csv"))), RuleCodes.DieMapFile).Message);
    }

    [Fact]
    public void Die_training_rules()
    {
        Fails(Bnn(Defective()).Train(t => t.PerDie(0)), RuleCodes.PerDieIndex);
        Assert.Contains("indices 0..3", Fails(Bnn(Defective()).Train(t => t.PerDie(4)).Evaluate(e => e.OnDies(Dies.Sample(4))), RuleCodes.PerDieIndex).Message);
        Fails(Bnn(Defective()).Train(t => t.StatisticsAware(0)), RuleCodes.EveryBatches);
        Fails(Bnn(Hardware.Binary()).Train(t => t.StatisticsAware()), RuleCodes.DieTrainingWithoutDefects);
    }

    [Fact]
    public void A_later_mode_call_wins_over_die_training()
    {
        var spec = Bnn(Defective()).Train(t => t.StatisticsAware().NaiveMapping()).Build();
        Assert.Equal(TrainingMode.NaiveMapping, spec.Training.Mode);
        Assert.Equal(DieTraining.Naive, spec.Training.Dies);
    }
}
