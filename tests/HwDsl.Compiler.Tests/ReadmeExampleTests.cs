namespace HwDsl.Compiler.Tests;

/// <summary>The README's DSL example, verbatim but for running it: if the API drifts, this stops compiling.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_builds_the_spec_it_describes()
    {
        // 4-bit weights on differential pairs of a non-ideal NVM device, 4-bit inputs and activations.
        var hw = Hardware.DifferentialPair()
            .WeightBits(4).InputBits(4).ActivationBits(4)
            .OnOffRatio(10).Asymmetry(0.10).NonLinearity(2.0)
            .ProgrammingNoise(sigma: 0.02);

        var exp = Experiment.Named("rram-4bit").Seed(7).Data(Datasets.Mnist)
            .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
            .On(hw, layers => layers.Last.WeightBits(8))                       // per-layer overrides
            .Train(t => t.Adam(1e-3).Epochs(10).Batch(100).Schedule(Schedule.Cosine)
                         .HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)))  // or .Float(), .NaiveMapping(), Relaxation.Ste
            .Evaluate(e => e.Deployed(samples: 5));                            // programming-noise draws: mean and spread

        var spec = exp.Build();
        Assert.Equal([4, 4, 8], spec.Layers.Select(l => l.WeightBits));
        Assert.All(spec.Layers, l => Assert.Equal(10, l.Positive.OnOffRatio));
        Assert.Equal(1.1, spec.Layers[0].Negative.Scale, 12);
        Assert.Equal(5, spec.Evaluation.Samples);
        Assert.IsType<SigmoidRelaxation>(spec.Training.Relaxation);
        var net = NetworkCompiler.Compile(spec, 784, 10);
        Assert.Equal(3, net.HardwareLayers.Count());
    }

    [Fact]
    public void The_readme_error_example_is_what_the_dsl_says()
    {
        var e = Assert.Throws<SpecException>(() => Experiment.Named("x").Data(Datasets.Mnist)
            .Network(n => n.Dense(10)).On(Hardware.DifferentialPair().OnOffRatio(0.5)).Build());
        Assert.Contains("error HW0102: OnOffRatio must be greater than 1 (Gmax/Gmin), or +∞ for Gmin = 0; got 0.5.", e.Message);
    }
}
