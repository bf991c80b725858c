using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;

namespace HwDsl.Experiments.Tests;

/// <summary>Issue 18: what can be checked is checked before the first mini-batch, and nothing is left behind.</summary>
public sealed class RunChecksTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwdsl-checks-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Runs => Path.Combine(_root, "runs");

    private ExperimentOptions Options(Dataset? data = null) => new() { RunRoot = Runs, Data = data ?? TestBlobs.Create(), Pool = new MacPool(1) };

    [Fact]
    public void Two_65536_wide_layers_are_refused_with_the_size_and_the_limit_before_anything_is_allocated()
    {
        // They passed validation and failed in the GEMM: "B holds 0 values; … needs 4294967296" (65536² wraps to 0 in int).
        var spec = Experiment.Named("wide").Data(TestBlobs.Ref).Network(n => n.Dense(65536).Relu().Dense(65536).Relu().Dense(TestBlobs.Classes))
            .Train(t => t.Float()).Build();
        var e = Assert.Throws<SpecException>(() => ExperimentRunner.Run(spec, Options()));
        var error = Assert.Single(e.Errors);
        Assert.Equal("HW0407", error.Code);
        Assert.Contains("dense layer 2 (65536 → 65536) needs a 65536×65536 weight matrix of 4,294,967,296 values; one array holds at most 2,147,483,591", error.Message);
        Assert.EndsWith("RunChecksTests.cs", error.File);
        Assert.False(Directory.Exists(Runs), "nothing should have started");
    }

    [Fact]
    public void A_convolution_too_wide_for_one_array_is_refused_by_its_positions_not_only_its_kernel()
    {
        // 1000 evaluation rows × 28·28 positions × 4000 channels = 3.1·10⁹ outputs: only the bound layer's geometry shows it
        // (the dense widths alone, 784 → 10, looked harmless).
        var images = new DataSplit(new float[4 * 784], [0, 1, 2, 3], 784, 10, new ImageShape(1, 28, 28));
        var spec = Experiment.Named("wide-conv").Data(Datasets.Mnist)
            .Network(n => n.Conv2d(4000, 3, padding: 1).Relu().Flatten().Dense(10)).Train(t => t.Float()).Build();
        var e = Assert.Throws<SpecException>(() => ExperimentRunner.Run(spec, Options(new Dataset("mnist", images, images, []))));
        var error = Assert.Single(e.Errors);
        Assert.Equal("HW0407", error.Code);
        Assert.Contains("conv layer 1 (9 → 4000 at 784 positions) needs 1000×3,136,000 = 3,136,000,000 activations per pass; one array holds at most 2,147,483,591", error.Message);
        Assert.False(Directory.Exists(Runs), "nothing should have started");
    }

    [Fact]
    public void A_network_past_the_memory_limit_names_what_it_needs_and_what_there_is()
    {
        var e = Assert.Throws<ArgumentException>(() => HwDsl.Training.ModelSize.Check([784, 40000, 40000, 10], 100, 1000, 4, availableBytes: 8L << 30));
        Assert.Contains("the network needs about 25.5 GiB (1,631,840,010 parameters × 4 copies, activations for batches of 1000)", e.Message);
        Assert.Contains("this process may use 8.0 GiB", e.Message);
        HwDsl.Training.ModelSize.Check([784, 256, 256, 10], 100, 1000, 4, availableBytes: 8L << 30);
    }

    [Fact]
    public void A_bad_die_map_is_reported_before_training_not_after()
    {
        var map = Path.Combine(_root, "die0.csv");
        File.WriteAllText(map, "layer,row,column,state\n0,99,0,short\n");
        var spec = Experiment.Named("dies").Seed(1).Data(TestBlobs.Ref).Network(n => n.Dense(8).Sign().Dense(TestBlobs.Classes))
            .On(Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Open(0.01)))
            .Train(t => t.Adam(1e-2).Epochs(50).Batch(20))
            .Evaluate(e => e.OnDies(Dies.Load(map)))
            .Build();
        var e = Assert.Throws<SpecException>(() => ExperimentRunner.Run(spec, Options()));
        var error = Assert.Single(e.Errors);
        Assert.Equal(map, error.File);
        Assert.Equal(2, error.Line);
        Assert.False(Directory.Exists(Runs), "no run should have started: 50 epochs were about to be spent");
    }

    [Fact]
    public void A_run_root_that_cannot_be_created_is_a_run_error_naming_the_folder()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "");
        var spec = Experiment.Named("nowhere").Data(TestBlobs.Ref).Network(n => n.Dense(TestBlobs.Classes)).Train(t => t.Float().Epochs(1)).Build();
        var e = Assert.Throws<RunException>(() => ExperimentRunner.Run(spec, Options() with { RunRoot = Path.Combine(file, "runs") }));
        Assert.StartsWith($"cannot create the run folder {Path.Combine(file, "runs", "nowhere-")}", e.Message);
        Assert.EndsWith("Choose a writable folder (--output, or $HWDSL_RUNS).", e.Message);
    }
}
