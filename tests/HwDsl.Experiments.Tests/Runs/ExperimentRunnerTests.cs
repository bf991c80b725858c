using System.Text.Json;
using HwDsl.Compiler;
using HwDsl.Compiler.Tests;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Experiments.Tests;

public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hwdsl-exp-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, true); }

    private static ExperimentBuilder Small(int epochs) => Experiment.Named("small-4bit").Seed(1).Data(Datasets.Mnist)
        .Network(n => n.Dense(32).ClippedRelu().Dense(10))
        .On(Hardware.DifferentialPair().WeightBits(4).ActivationBits(4).OnOffRatio(10).Asymmetry(0.1).ProgrammingNoise(0.02))
        .Train(t => t.Adam(3e-3).Epochs(epochs).Batch(200).HardwareAware(Relaxation.Sigmoid(2, 50)))
        .Evaluate(e => e.Deployed(samples: 3));

    [Fact]
    public void A_run_trains_evaluates_deployed_samples_and_records_everything()
    {
        var result = ExperimentRunner.Run(Small(1).Build(), new ExperimentOptions { RunRoot = _root, Pool = new MacPool(2) });
        Assert.Equal(3, result.Deployed.Count);
        // One epoch of a 32-unit 4-bit network (β starts at its end value when there is one epoch): far above chance is the claim.
        Assert.True(result.DeployedMean > 0.6, $"deployed {result.DeployedMean:P2} after one epoch");
        Assert.True(result.DeployedSd > 0, "programming noise should spread the samples");
        Assert.Equal(3, result.Deployed.Distinct().Count());

        var folder = result.RunFolder;
        foreach (var file in new[] { "spec.txt", "run.json", "metrics.csv", "results.json", "results.csv", "evaluations.csv", "weights.npz", "deployed.npz" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing");
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        Assert.Equal("completed", run.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("sha256:", run.RootElement.GetProperty("data").GetProperty("checksum").GetString());
        Assert.Equal("nvm", run.RootElement.GetProperty("versions").GetProperty("devices")[0].GetProperty("name").GetString());
        Assert.Contains("OnOffRatio", File.ReadAllText(Path.Combine(folder, "spec.txt")));
        var metrics = File.ReadAllLines(Path.Combine(folder, "metrics.csv"));
        Assert.Equal("epoch,learning_rate,beta,train_loss,train_accuracy,test_loss,test_accuracy,samples_per_second,train_seconds", metrics[0]);
        Assert.Equal(2, metrics.Length);
    }

    [Fact]
    public void Same_spec_gives_the_same_numbers()
    {
        var spec = Small(1).Build();
        var a = ExperimentRunner.Run(spec, new ExperimentOptions { RunRoot = _root, Pool = new MacPool(1) });
        var b = ExperimentRunner.Run(spec, new ExperimentOptions { RunRoot = _root, Pool = new MacPool(2) });
        Assert.Equal(a.Deployed, b.Deployed);
        Assert.Equal(a.FloatAccuracy, b.FloatAccuracy);
        Assert.NotEqual(a.RunFolder, b.RunFolder);
    }

    [Fact]
    public void A_cancelled_run_keeps_its_finished_epochs_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var result = ExperimentRunner.Run(Small(3).Build(), new ExperimentOptions { RunRoot = _root, Cancel = cancel.Token, Observer = new CancelAfterFirstEpoch(cancel) });
        Assert.False(result.Training.Completed);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(result.RunFolder, "metrics.csv")).Length);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.RunFolder, "run.json")));
        Assert.Equal("cancelled", run.RootElement.GetProperty("status").GetString());
    }

    private sealed class CancelAfterFirstEpoch(CancellationTokenSource cancel) : ITrainingObserver
    {
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) { }
        public void OnEpoch(EpochMetrics metrics) => cancel.Cancel();
    }
}
