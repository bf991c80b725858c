using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Compiler.Tests;
using HwDsl.Experiments;

namespace HwDsl.Experiments.Tests;

/// <summary>
/// scripts/borders2023.csx in its --quick form (until `hwdsl run` lands, the same calls are made here): the binary network
/// on an MNIST subset over sampled dies with the script's --quick defaults; naive vs statistics-aware vs per-die (this gives
/// the same table as the script: naive 26.22 %, statistics-aware 24.07 %, per-die 14.80 % on its die, software 13.50 %).
/// The full run's table is in docs/results.md.
/// </summary>
public sealed class Borders2023ScriptTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _runs = Directory.CreateTempSubdirectory("hwdsl-borders-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void Quick_comparison_statistics_aware_beats_naive_and_per_die_wins_on_its_die()
    {
        const double shorted = 0.15, variation = 0.05;   // strong defects, so a few quick epochs show the effect
        var hw = Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Shorted(Dist.Beta(mean: shorted, sd: shorted / 2)).Open(shorted / 5)).DeviceToDevice(variation);
        var exp = Experiment.Named("borders2023").Seed(0).Data(Datasets.Mnist)
            .Network(n => n.Dense(64).Sign().Dense(10))
            .On(hw)
            .Train(t => t.Adam(1e-2).Epochs(3).Batch(50));
        var options = new ExperimentOptions { Data = new DatasetStore().Load("mnist").Take(train: 3000, test: 1000), RunRoot = _runs };

        var comparison = DieComparison.Run(exp, Dies.Sample(4, seed: 1), perDie: [0], spec => ExperimentRunner.Run(spec, options));

        output.WriteLine(comparison.Markdown());
        Assert.Equal(["software (no defects)", "naive", "statistics-aware (k=1)", "per-die (die 0)"], comparison.Rows.Select(r => r.Mode));
        var naive = comparison["naive"].Errors;
        var stat = comparison["statistics-aware"].Errors;
        var perDie = comparison["per-die"];
        Assert.Equal(4, naive.Errors.Count);
        Assert.True(naive.Mean > comparison.Software + 0.02, comparison.Markdown());
        Assert.True(stat.Mean < naive.Mean, comparison.Markdown());
        Assert.True(perDie.OwnDieError <= naive.Errors[0], comparison.Markdown());
        Assert.True(perDie.OwnDieError <= stat.Errors[0], comparison.Markdown());   // the target: per-die at least as good on its die
        Assert.Contains("| naive |", comparison.Markdown());
    }
}
