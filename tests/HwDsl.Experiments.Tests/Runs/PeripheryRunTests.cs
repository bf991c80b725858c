using HwDsl.Compiler.Tests;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Experiments.Tests;

/// <summary>The runner with the periphery: accuracy over time from one programming per sample, with and without drift
/// compensation, ADC saturations per layer, noise-aware training, all into results.json and the run folder.</summary>
public sealed class PeripheryRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hwdsl-periphery-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, true); }

    private static Dataset Subset(Dataset d, int train, int test)
    {
        static DataSplit Take(DataSplit s, int n) => new(s.Features[..(n * s.FeatureCount)], s.Labels[..n], s.FeatureCount, s.ClassCount);
        return new Dataset(d.Name, Take(d.Train, train), Take(d.Test, test), d.Files);
    }

    [Fact]
    public void Over_time_reads_one_programming_per_sample_and_writes_accuracy_vs_time_with_and_without_compensation()
    {
        var spec = Experiment.Named("pcm-time").Seed(3).Data(Datasets.Mnist)
            .Network(n => n.Dense(32).ClippedRelu().Dense(10))
            .On(Hardware.DifferentialPair("pcm", "nandakumar2019").WeightBits(4).ActivationBits(4).Adc(8).InputRange(InputRange.Dynamic))
            .Train(t => t.Adam(3e-3).Epochs(1).Batch(100).NoiseAware())
            .Evaluate(e => e.Deployed(samples: 2).OverTime(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)))
            .Build();
        using var pool = new MacPool(2);
        var options = new ExperimentOptions { Data = Subset(new DatasetStore().Load("mnist"), 3000, 1000), Devices = PluginCatalog.Create(), Pool = pool, RunRoot = _root };
        var result = ExperimentRunner.Run(spec, options);

        Assert.Equal([(1.0, false), (1.0, true), (86400.0, false), (86400.0, true)], result.OverTime.Select(r => (r.Seconds, r.Compensated)));
        Assert.All(result.OverTime, r => Assert.Equal(2, r.Accuracies.Count));
        var (day, dayCompensated) = (result.OverTime[2], result.OverTime[3]);
        var seen = string.Join(", ", result.OverTime.Select(r => $"{r.Seconds} s{(r.Compensated ? " compensated" : "")}: {r.Mean:P1}")) + $"; float {result.FloatAccuracy:P1}";
        Assert.True(result.OverTime[0].Mean > 0.3, seen);   // one short noise-aware epoch on 3000 images: far above chance is the claim
        // Short training leaves accuracy near the float one either way (the compensation's effect on the outputs is checked in
        // DriftCompensationTests); here: it acts, and does not break the network.
        Assert.NotEqual(day.Accuracies, dayCompensated.Accuracies);
        Assert.True(Math.Abs(dayCompensated.Mean - day.Mean) < 0.05, seen);
        Assert.Equal(result.OverTime[0].Accuracies, result.Deployed);   // the headline is the first read, uncompensated
        var saturation = Assert.Single(result.Saturation, s => s.Layer == 0);
        Assert.True(saturation.Converted > 0 && saturation.Fraction < 0.01, $"99.9th-percentile range: {saturation.Fraction:P3} saturated");

        var csv = File.ReadAllLines(Path.Combine(result.RunFolder, "over_time.csv"));
        Assert.Equal("seconds,compensated,mean,sd,samples,accuracies", csv[0]);
        Assert.Equal(5, csv.Length);
        Assert.True(File.Exists(Path.Combine(result.RunFolder, "saturation.csv")));
        Assert.True(File.Exists(Path.Combine(result.RunFolder, "results.json")));
    }
}
