using System.Diagnostics;
using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Training;

namespace HwDsl.Scripting.Tests;

/// <summary>Ctrl-C during a script: training stops between mini-batches, the run folder and what the script saved stay.</summary>
public sealed class ScriptCancelTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class CancelAfterBatches(CancellationTokenSource source, int batches) : ITrainingObserver
    {
        public int Seen;

        public void OnBatch(int epoch, int batch, int count, double runningLoss)
        {
            if (++Seen == batches) source.Cancel();
        }

        public void OnEpoch(EpochMetrics metrics) { }
    }

    private const string TwoRuns = """
        var exp = Experiment.Named("cancel-me").Data(Datasets.Mnist).Network(n => n.Dense(32).Relu().Dense(10))
            .Train(t => t.Float().Epochs(3).Batch(100));
        var first = Run(exp.Build());
        Save("first.txt", $"{first.FloatAccuracy}");
        var second = Run(exp.WithSeed(1).Build());
        Save("second.txt", "should not be reached");
        """;

    [Fact]
    public void Cancelling_stops_training_and_keeps_what_was_written()
    {
        var path = _dir.File("cancel.csx", TwoRuns);
        using var source = new CancellationTokenSource();
        var observer = new CancelAfterBatches(source, batches: 70);   // 60 batches per quick epoch: inside the first run's 2nd epoch
        var options = new ExperimentOptions { Cancel = source.Token, Observer = observer, RunRoot = _dir["out/runs"], Pool = new HwDsl.Kernels.MacPool(1) };
        var globals = new ScriptGlobals([], quick: true, _dir["out"], options, writer: new StringWriter());

        Assert.ThrowsAny<OperationCanceledException>(() => ScriptRunner.Run(ScriptCompiler.Compile(path), globals));

        Assert.Equal(70, observer.Seen);                 // stopped right at the batch that cancelled
        Assert.False(File.Exists(_dir["out/first.txt"]));
        var run = Assert.Single(Directory.GetDirectories(_dir["out/runs"]));
        Assert.Contains("\"cancelled\"", File.ReadAllText(Path.Combine(run, "run.json")));
        Assert.True(File.Exists(Path.Combine(run, "results.csv")));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);   // header + the one finished epoch
    }

    [Fact]
    public async Task Sigint_to_hwdsl_run_exits_130_and_keeps_the_run_folder()
    {
        var path = _dir.File("sigint.csx", TwoRuns.Replace("Epochs(3)", "Epochs(200)"));
        var info = Cli.StartInfo(_dir["home"], ["run", path, "--quick", "--output", _dir["out"], "--threads", "1"]);
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string? line;
        while ((line = p.StandardOutput.ReadLine()) is not null && !line.StartsWith("epoch   2/200", StringComparison.Ordinal)) { }
        Assert.NotNull(line);
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("cancelled", await stderr);
        var run = Assert.Single(Directory.GetDirectories(_dir["out/runs"]));
        Assert.Contains("\"cancelled\"", File.ReadAllText(Path.Combine(run, "run.json")));
        Assert.True(File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length >= 3);
    }
}
