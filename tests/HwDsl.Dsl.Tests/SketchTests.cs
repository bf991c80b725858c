using HwDsl;

namespace HwDsl.Dsl.Tests;

public sealed class SketchTests
{
    internal static ExperimentBuilder Sketch()
    {
        var hw = Hardware.DifferentialPair()
            .Device("nvm")
            .WeightBits(4)
            .InputBits(8).ActivationBits(4)
            .OnOffRatio(10)
            .Asymmetry(0.10)
            .NonLinearity(2.0)
            .NegativeElement(e => e.OnOffRatio(8).NonLinearity(1.5))
            .WeightRange(WeightRange.MaxAbs)
            .ProgrammingNoise(sigma: 0.02)
            .ReadNoise(sigma: 0.01);
        return Experiment.Named("rram-4bit").Seed(7).Data(Datasets.Mnist)
            .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
            .On(hw, layers => layers.First.Digital())
            .Train(t => t.Adam(1e-3).Epochs(10).Batch(100).Schedule(Schedule.Cosine)
                         .HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)))
            .Evaluate(e => e.Deployed(samples: 5));
    }

    [Fact]
    public void The_brief_sketch_builds_into_the_expected_spec()
    {
        var spec = Sketch().Build();

        Assert.Equal("rram-4bit", spec.Name);
        Assert.Equal(7, spec.Seed);
        Assert.Equal("mnist", spec.Data.Name);
        Assert.Equal(
            [new DenseSpec(256), new ActivationSpec(ActivationKind.ClippedRelu), new DenseSpec(256),
             new ActivationSpec(ActivationKind.ClippedRelu), new DenseSpec(10)],
            spec.Network.Layers);
        Assert.Equal(3, spec.Layers.Count);

        var first = spec.Layers[0];
        Assert.True(first.Digital);
        Assert.Equal(LayerHardware.FloatBits, first.WeightBits);
        Assert.Null(first.InputBits);
        Assert.Equal(ElementSpec.Ideal, first.Positive);
        Assert.Equal(0, first.ProgrammingSigma);

        var hidden = spec.Layers[1];
        Assert.Equal(new LayerHardware(1, false, "nvm", WeightMapping.DifferentialPair, 4, 8, 4,
            new ElementSpec(10, 2.0, 1), new ElementSpec(8, 1.5, 1.1), WeightRange.MaxAbs, 0.02, 0.01), hidden);

        var last = spec.Layers[2];
        Assert.Null(last.ActivationBits); // logits stay float; the inherited value is dropped
        Assert.Equal(4, last.WeightBits);

        Assert.Equal(new TrainingSpec(OptimizerKind.Adam, 1e-3, 0, 0, 10, 100, Schedule.Cosine, TrainingMode.HardwareAware,
            new SigmoidRelaxation(2, 50)), spec.Training);
        Assert.Equal(new EvaluationSpec(5), spec.Evaluation);
        Assert.True(spec.Evaluation.Deployed);
    }

    [Fact]
    public void Variants_for_comparison_build()
    {
        var exp = Sketch();
        Assert.Equal(TrainingMode.NaiveMapping, exp.With(t => t.NaiveMapping()).Build().Training.Mode);
        var flt = exp.With(t => t.Float()).WithEvaluation(e => e.Deployed(samples: 1)).Build();
        Assert.Equal(TrainingMode.Float, flt.Training.Mode);
        Assert.Null(flt.Training.Relaxation);
        Assert.False(flt.Evaluation.Deployed);
    }

    [Fact]
    public void Minimal_experiment_uses_defaults()
    {
        var spec = Experiment.Named("min").Data(Datasets.FashionMnist).Network(n => n.Dense(10)).On(Hardware.DifferentialPair()).Build();
        var l = Assert.Single(spec.Layers);
        Assert.Equal(new LayerHardware(0, false, Hardware.DefaultDevice, WeightMapping.DifferentialPair, Hardware.DefaultWeightBits,
            null, null, ElementSpec.Ideal, ElementSpec.Ideal, WeightRange.MaxAbs, 0, 0), l);
        Assert.Equal(0, spec.Seed);
        Assert.Equal(new TrainingSpec(OptimizerKind.Adam, 1e-3, 0, 0, 10, 100, Schedule.Cosine, TrainingMode.HardwareAware,
            TrainingBuilder.DefaultRelaxation), spec.Training);
        Assert.Equal(1, spec.Evaluation.Samples);
    }

    [Fact]
    public void All_digital_hardware_defaults_to_float_training()
    {
        var spec = Support.Mlp(Hardware.Digital()).Build();
        Assert.All(spec.Layers, l => Assert.True(l.Digital));
        Assert.Equal(TrainingMode.Float, spec.Training.Mode);
        Assert.Null(spec.Training.Relaxation);
    }

    [Fact]
    public void Optimizers_schedules_and_relaxations()
    {
        var b = Support.Mlp(Hardware.DifferentialPair());
        var sgd = b.With(t => t.Sgd(0.1, momentum: 0.5).Schedule(Schedule.Step(0.5, every: 3)).HardwareAware(Relaxation.Ste)).Build().Training;
        Assert.Equal((OptimizerKind.Sgd, 0.1, 0.5, 0.0), (sgd.Optimizer, sgd.LearningRate, sgd.Momentum, sgd.WeightDecay));
        Assert.Equal(new StepSchedule(0.5, 3), sgd.Schedule);
        Assert.Equal(Relaxation.Ste, sgd.Relaxation);
        var adamw = b.With(t => t.AdamW(3e-4, weightDecay: 0.05).Schedule(Schedule.Constant)).Build().Training;
        Assert.Equal((OptimizerKind.AdamW, 3e-4, 0.0, 0.05), (adamw.Optimizer, adamw.LearningRate, adamw.Momentum, adamw.WeightDecay));
        Assert.Equal(Schedule.Constant, adamw.Schedule);
    }

    [Fact]
    public void Sigmoid_beta_is_annealed_geometrically()
    {
        var r = new SigmoidRelaxation(2, 50);
        Assert.Equal(2, r.BetaAt(0, 10), 12);
        Assert.Equal(50, r.BetaAt(9, 10), 12);
        Assert.Equal(10, r.BetaAt(1, 3), 12);
        Assert.Equal(new SigmoidRelaxation(3, 3), Relaxation.Sigmoid(3));
    }

    [Fact]
    public void Sign_activation_with_hardware_aware_relaxation_is_fine()
    {
        var spec = Experiment.Named("bnn").Data(Datasets.Mnist)
            .Network(n => n.Dense(128).Sign().Dense(10))
            .On(Hardware.DifferentialPair().WeightBits(1).ActivationBits(1))
            .Train(t => t.HardwareAware(Relaxation.Ste)).Build();
        Assert.Equal(1, spec.Layers[0].ActivationBits);
    }

    [Fact]
    public void Float_mode_on_non_ideal_hardware_is_fine()
    {
        var spec = SketchTests.Sketch().With(t => t.Float()).WithEvaluation(e => e.Deployed(1)).Build();
        Assert.Equal(TrainingMode.Float, spec.Training.Mode);
    }

    [Fact]
    public void Single_element_has_negative_equal_to_positive()
    {
        var spec = Support.Mlp(Hardware.SingleElement(device: "pcm").OnOffRatio(20).NonLinearity(1)).Build();
        var l = spec.Layers[1];
        Assert.Equal(WeightMapping.SingleWithReference, l.Mapping);
        Assert.Equal("pcm", l.Device);
        Assert.Equal(l.Positive, l.Negative);
        Assert.Equal(0, l.Asymmetry);
    }

    [Fact]
    public void Named_datasets_skip_the_class_check()
    {
        var spec = Experiment.Named("x").Data(Datasets.Named("my-data")).Network(n => n.Dense(3)).Train(t => t.Float()).Build();
        Assert.Equal(new DatasetRef("my-data"), spec.Data);
    }

    [Fact]
    public void Mapped_modes_without_declared_hardware_are_refused_saying_how_to_ask_for_the_default()
    {
        // Issue 18: hardware-aware training silently ran on invisible 8-bit ideal defaults and reported a "deployed" accuracy.
        var bare = Experiment.Named("bare").Data(Datasets.Mnist).Network(n => n.Dense(64).ClippedRelu().Dense(10));
        var byDefault = Assert.Single(Assert.Throws<SpecException>(() => bare.Build()).Errors);
        Assert.Equal("HW0309", byDefault.Code);
        Assert.Equal("Mode HardwareAware (the default mode) maps the network onto hardware, but no hardware was declared; declare it with "
            + ".On(Hardware.DifferentialPair()) for the default differential pair (or any other Hardware), or train .Float() for the software baseline.", byDefault.Message);
        Assert.EndsWith("SketchTests.cs", byDefault.File);   // the network's line: the default mode has none of its own
        var naive = Assert.Single(Assert.Throws<SpecException>(() => bare.With(t => t.NaiveMapping()).Build()).Errors);
        Assert.StartsWith("Mode NaiveMapping maps the network onto hardware", naive.Message);
        Assert.Equal(TrainingMode.Float, bare.With(t => t.Float()).Build().Training.Mode);
        Assert.Equal(TrainingMode.HardwareAware, bare.On(Hardware.DifferentialPair()).Build().Training.Mode);
    }
}
