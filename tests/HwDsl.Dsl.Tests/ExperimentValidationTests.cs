using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

public sealed class ExperimentValidationTests
{
    private static void Check(ExperimentBuilder exp, string code, string parameter, string value, int line, string? text = null)
    {
        var e = Fails(exp, code);
        Assert.Equal(parameter, e.Parameter);
        Assert.Equal(value, e.Value);
        AssertAt(e, line);
        Assert.Contains(value, e.Message);
        if (text is not null) Assert.Contains(text, e.Message);
    }

    private static ExperimentBuilder Net(Action<NetworkBuilder> n) => Experiment.Named("t").Data(Datasets.Mnist).Network(n);

    [Fact]
    public void Network_rules()
    {
        Check(Experiment.Named("t").Data(Datasets.Mnist).Network(n => { }), "HW0200", "Network", "0", Here());
        Check(Net(n => n.Dense(0).Relu().Dense(10)), "HW0201", "Dense.units", "0", Here(), "1..65536");
        Check(Net(n => n.Dense(65537).Relu().Dense(10)), "HW0201", "Dense.units", "65537", Here());
        Check(Net(n => n.Dense(32).Relu().Dense(10).Relu()), "HW0202", "Relu", "Relu", Here(), "softmax");
        Check(Net(n => n.Tanh().Dense(10)), "HW0203", "Tanh", "Tanh", Here());
        Check(Net(n => n.Dense(32).Relu().Sign().Dense(10)), "HW0204", "Sign", "Sign", Here());
        Check(Net(n => n.Dense(32).Relu().Dense(12)), "HW0205", "Dense.units", "12", Here(), "(10)");
    }

    [Fact]
    public void Network_error_points_at_the_offending_layer_call()
    {
        int line = Here(); var exp = Net(n => n
            .Dense(32)
            .Relu()
            .Dense(0)
            .Relu()
            .Dense(10));
        Assert.Equal(line + 3, Fails(exp, "HW0201").Line);
    }

    [Fact]
    public void Training_ranges()
    {
        var b = Mlp(Hardware.DifferentialPair());
        Check(b.With(t => t.Adam(0)), "HW0301", "LearningRate", "0", Here());
        Check(b.With(t => t.Adam(double.PositiveInfinity)), "HW0301", "LearningRate", "∞", Here());
        Check(b.With(t => t.Sgd(0.1, momentum: 1)), "HW0302", "Momentum", "1", Here(), "[0, 1)");
        Check(b.With(t => t.AdamW(1e-3, weightDecay: -1)), "HW0303", "WeightDecay", "-1", Here());
        Check(b.With(t => t.Epochs(0)), "HW0304", "Epochs", "0", Here());
        Check(b.With(t => t.Batch(-5)), "HW0305", "Batch", "-5", Here());
        Check(b.With(t => t.Schedule(Schedule.Step(1.5, 2))), "HW0306", "Schedule.Step.gamma", "1.5", Here());
        Check(b.With(t => t.Schedule(Schedule.Step(0.5, 0))), "HW0306", "Schedule.Step.every", "0", Here());
        Check(b.With(t => t.HardwareAware(Relaxation.Sigmoid(0, to: 5))), "HW0307", "Relaxation.Sigmoid.beta", "0", Here());
        Check(b.With(t => t.HardwareAware(Relaxation.Sigmoid(5, to: 2))), "HW0307", "Relaxation.Sigmoid.to", "2", Here(), ">= beta (5");
    }

    [Fact]
    public void Mapping_modes_with_every_layer_digital_are_refused()
    {
        var digital = Mlp(Hardware.Digital());
        Check(digital.With(t => t.HardwareAware()), "HW0308", "Mode", "HardwareAware", Here(), "every layer is digital");
        Check(digital.With(t => t.NaiveMapping()), "HW0308", "Mode", "NaiveMapping", Here());
        var viaOverrides = Mlp(Hardware.DifferentialPair(), l => { l[0].Digital(); l[1].Digital(); l.Last.Digital(); });
        Check(viaOverrides.With(t => t.NaiveMapping()), "HW0308", "Mode", "NaiveMapping", Here());
    }

    [Fact]
    public void Evaluation_rules()
    {
        var noisy = Mlp(Hardware.DifferentialPair().ProgrammingNoise(0.05));
        Check(noisy.WithEvaluation(e => e.Deployed(samples: 0)), "HW0401", "samples", "0", Here());
        Check(noisy.With(t => t.Float()).WithEvaluation(e => e.Deployed(samples: 3)), "HW0403", "samples", "3", Here(), "Float");
        Check(Mlp(Hardware.DifferentialPair()).WithEvaluation(e => e.Deployed(samples: 5)), "HW0402", "samples", "5", Here(), "no layer has ProgrammingNoise, ReadNoise or per-read noise (ReadNoisePerMvm, OutputNoise)");
        Assert.Equal(5, noisy.WithEvaluation(e => e.Deployed(samples: 5)).Build().Evaluation.Samples);
        Assert.Equal(5, Mlp(Hardware.DifferentialPair().ReadNoise(0.01)).WithEvaluation(e => e.Deployed(samples: 5)).Build().Evaluation.Samples);
    }

    [Fact]
    public void Noise_only_on_digital_layers_does_not_count()
    {
        var exp = Mlp(Hardware.DifferentialPair(), l => l.First.Digital()).WithEvaluation(e => e.Deployed(samples: 2));
        Fails(exp, "HW0402");
    }

    [Fact]
    public void Experiment_and_data_names_must_be_non_empty()
    {
        var e1 = Fails(Experiment.Named("").Data(Datasets.Mnist).Network(n => n.Dense(10)), "HW0404"); int line = Here() - 0;
        AssertAt(e1, line);
        Check(Experiment.Named("x").Data(Datasets.Named(" ")).Network(n => n.Dense(10)), "HW0405", "Data", "\" \"", Here());
    }
}
