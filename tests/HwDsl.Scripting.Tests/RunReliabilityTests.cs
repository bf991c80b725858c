using System.Diagnostics;
using HwDsl.Experiments;

namespace HwDsl.Scripting.Tests;

/// <summary>
/// Issue 18 through the real <c>hwdsl</c>: a run killed with -9 mid-epoch shows as interrupted, resumes from its last
/// finished epoch and ends bit-identical to an uninterrupted run; replay checks every metric and refuses when the script
/// changed; divergence, unwritable folders and bad --set values give the right status, message and exit code.
/// </summary>
public sealed class RunReliabilityTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Tiny = """
        var epochs = Param("epochs", 3);
        var lr = Param("lr", 3e-3);
        var hw = Hardware.DifferentialPair().WeightBits(4).ActivationBits(4).OnOffRatio(10).ProgrammingNoise(0.02);
        var aware = Run(Experiment.Named("tiny-aware").Seed(1).Data(Datasets.Mnist).Network(n => n.Dense(32).ClippedRelu().Dense(10)).On(hw)
            .Train(t => t.Adam(lr).Epochs(epochs).Batch(10)).Evaluate(e => e.Deployed(samples: 2)).Build());
        var plain = Run(Experiment.Named("tiny-float").Seed(2).Data(Datasets.Mnist).Network(n => n.Dense(16).ClippedRelu().Dense(10)).On(hw)
            .Train(t => t.Float().Sgd(lr * 10).Epochs(2).Batch(50)).Build());
        Save("summary.txt", $"{aware.DeployedMean:R} {plain.FloatAccuracy:R}");
        """;

    private (int Exit, string Out, string Err) Hwdsl(params string[] args) => Cli.Run(_dir["home"], args);

    private static RunInfo Ordinal(string output, int ordinal) => RunInfo.Find(Path.Combine(output, "runs")).Single(r => r.Ordinal == ordinal);

    [Fact]
    public void Killed_mid_epoch_a_run_shows_interrupted_resumes_bit_identical_and_replays_bit_for_bit()
    {
        var script = _dir.File("tiny.csx", Tiny);
        var (a, b) = (_dir["a"], _dir["b"]);
        var (exit, output, err) = Hwdsl("run", script, "--quick", "--output", a, "--threads", "2");
        Assert.True(exit == 0, err + output);

        // The same run, killed with SIGKILL once its first epoch's checkpoint is on disk: it is then in its second epoch.
        using (var p = Process.Start(Cli.StartInfo(_dir["home"], ["run", script, "--quick", "--output", b, "--threads", "2"]))!)
        {
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!Directory.Exists(Path.Combine(b, "runs")) || !Directory.EnumerateFiles(Path.Combine(b, "runs"), CheckpointFile.Name, SearchOption.AllDirectories).Any())
            {
                Assert.False(p.HasExited, "the run ended before its first checkpoint");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), "no checkpoint after 4 minutes");
                Thread.Sleep(20);
            }
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        var killed = Ordinal(b, 0);
        Assert.Equal(RunStatus.Running, killed.Status);
        Assert.Equal(RunStatus.Interrupted, killed.State);
        (exit, output, _) = Hwdsl("runs", b);
        Assert.Equal(0, exit);
        Assert.Matches(@"interrupted\s+tiny-aware\s+hardware_aware\s+1\s+–", output);   // run.json names modes in snake_case
        Assert.Contains("1 run(s): 1 interrupted", output);

        // Resumed with nothing but the folder (the script, --quick and the values come from its record).
        (exit, output, err) = Hwdsl("run", script, "--resume", b, "--threads", "1");
        Assert.True(exit == 0, err + output);
        Assert.Matches(@"run folder: .*tiny-aware.* \(resumed after epoch [12] of 3\)", output);
        Assert.Equal(File.ReadAllText(Path.Combine(a, "summary.txt")), File.ReadAllText(Path.Combine(b, "summary.txt")));
        for (var i = 0; i < 2; i++)
        {
            var (compared, differences) = RunComparison.Compare(Ordinal(a, i).Folder, Ordinal(b, i).Folder);
            Assert.Empty(differences);
            Assert.True(compared > 20, $"run {i}: {compared} values compared");
            Assert.Equal(RunStatus.Completed, Ordinal(b, i).State);
        }
        (exit, output, _) = Hwdsl("runs", b);
        Assert.Contains("2 run(s): 2 completed", output);

        // Replay of the second run: the first is restored from its checkpoint, the second trains again; every value matches.
        (exit, output, err) = Hwdsl("replay", Ordinal(a, 1).Folder);
        Assert.True(exit == 0, err + output);
        Assert.Contains("replaying run 1 ('tiny-float') of ", output);
        Assert.Matches(@"replay matches: \d+ values of .* are bit for bit the same", output);

        // A changed value is found and named.
        var metrics = Path.Combine(Ordinal(a, 0).Folder, "metrics.csv");
        var lines = File.ReadAllLines(metrics);
        var cells = lines[1].Split(',');
        cells[6] = "0.5";   // test_accuracy of epoch 1
        lines[1] = string.Join(",", cells);
        File.WriteAllLines(metrics, lines);
        (exit, _, err) = Hwdsl("replay", Ordinal(a, 0).Folder);
        Assert.Equal(1, exit);
        Assert.Contains("hwdsl: replay differs: metrics.csv epoch 1 test_accuracy: recorded 0.5, replayed ", err);

        // Refused with the reason: another --set on resume, a changed script for replay.
        (exit, _, err) = Hwdsl("run", script, "--resume", b, "--set", "epochs=4");
        Assert.Equal(2, exit);
        Assert.Contains($"cannot resume {b}: it ran with no --set values, not --set epochs=4", err);
        File.AppendAllText(script, "// changed\n");
        (exit, _, err) = Hwdsl("replay", Ordinal(a, 1).Folder);
        Assert.Equal(2, exit);
        Assert.Contains("the script changed since the run", err);
    }

    [Fact]
    public void A_diverging_script_run_exits_3_and_its_run_says_where_it_diverged()
    {
        var script = _dir.File("tiny.csx", Tiny);
        var (exit, output, err) = Hwdsl("run", script, "--quick", "--set", "lr=3e37", "--output", _dir["out"]);
        Assert.True(exit == 3, $"exit {exit}\n{err}\n{output}");
        Assert.Matches(@"tiny\.csx\(4\): error: training diverged at epoch 1/3, batch \d+/600: ", err);
        Assert.DoesNotContain("   at ", err);
        var run = Ordinal(_dir["out"], 0);
        Assert.Equal(RunStatus.Diverged, run.State);
        Assert.StartsWith("training diverged at epoch 1/3, batch ", run.FailureMessage);
        Assert.Single(RunInfo.Find(Path.Combine(_dir["out"], "runs")));   // stopped at once: the second run never started
    }

    [Fact]
    public void File_system_errors_and_bad_values_are_user_errors_named_before_training()
    {
        var script = _dir.File("tiny.csx", Tiny);
        var file = _dir.File("a-file", "");
        var (exit, _, err) = Hwdsl("run", script, "--quick", "--output", Path.Combine(file, "out"));
        Assert.Equal(2, exit);
        Assert.StartsWith($"hwdsl: --output {Path.Combine(file, "out")} cannot be written: ", err);
        Assert.DoesNotContain("internal error", err);

        var saves = _dir.File("save.csx", "Save(\"a-file/x.txt\", \"x\");\n");
        _dir.File("out2/a-file", "");
        (exit, _, err) = Hwdsl("run", saves, "--output", _dir["out2"]);
        Assert.Equal(2, exit);
        Assert.Matches(@"save\.csx\(1\): error: .*a-file", err);

        (exit, var output, err) = Hwdsl("run", script, "--quick", "--set", "epochs=abc", "--output", _dir["out3"]);
        Assert.Equal(1, exit);
        Assert.Contains("--set epochs=abc: not a valid whole number (", err);
        Assert.DoesNotContain("run folder", output);
    }
}
