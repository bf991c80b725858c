using System.Diagnostics;
using System.Text.Json;
using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Experiments.Tests;

/// <summary>Issue 18: run.json always ends with the true status, on every path.</summary>
public sealed class RunStatusTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwdsl-status-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private ExperimentOptions Options(ITrainingObserver? observer = null, CancellationToken cancel = default) =>
        new() { RunRoot = _root, Data = TestBlobs.Create(), Pool = new MacPool(1), Observer = observer, Cancel = cancel };

    private static ExperimentBuilder Mlp(string name) => Experiment.Named(name).Seed(3).Data(TestBlobs.Ref)
        .Network(n => n.Dense(16).ClippedRelu().Dense(TestBlobs.Classes))
        .On(Hardware.DifferentialPair().WeightBits(4).ActivationBits(4));

    [Fact]
    public void A_diverging_run_stops_at_once_and_is_marked_diverged_with_where_and_what()
    {
        // `--lr 3e38 --optimizer sgd` printed loss NaN, then an accuracy, and the run was "completed".
        var spec = Mlp("diverges").Train(t => t.Float().Sgd(3e38, 0.9).Epochs(3).Batch(20)).Build();
        var e = Assert.Throws<TrainingDivergedException>(() => ExperimentRunner.Run(spec, Options()));
        var run = Assert.Single(RunInfo.Find(_root));
        Assert.Equal(RunStatus.Diverged, run.State);
        Assert.Equal(e.Message, run.FailureMessage);
        Assert.Equal((1, e.Batch + 1), (run.FailureEpoch, run.FailureBatch));
        Assert.StartsWith("training diverged at epoch 1/3, batch ", run.Reason);
        Assert.Equal(e.Tensor, RunInfo.Str(RunInfo.Get(run.Json, "failure")!.Value, "tensor"));
        Assert.False(File.Exists(Path.Combine(run.Folder, "results.json")), "a diverged run has no results to merge");
        Assert.Null(run.Accuracy);
    }

    [Fact]
    public void An_exception_during_training_marks_the_run_failed_with_the_message_epoch_and_batch()
    {
        var spec = Mlp("throws").Train(t => t.Adam(1e-2).Epochs(3).Batch(20)).Build();
        var observer = new ThrowOnBatch(epoch: 1, batch: 10);
        var e = Assert.Throws<InvalidOperationException>(() => ExperimentRunner.Run(spec, Options(observer)));
        Assert.Equal("disk on fire", e.Message);
        var run = Assert.Single(RunInfo.Find(_root));
        Assert.Equal(RunStatus.Failed, run.State);
        Assert.Equal("InvalidOperationException: disk on fire", run.FailureMessage);
        Assert.Equal((2, 10), (run.FailureEpoch, run.FailureBatch));
        Assert.Equal("InvalidOperationException: disk on fire (epoch 2, batch 10)", run.Reason);
        // The first epoch it finished stays.
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run.Folder, "metrics.csv")).Length);
    }

    [Fact]
    public void Completed_and_cancelled_runs_say_so_and_record_who_ran_them()
    {
        var done = ExperimentRunner.Run(Mlp("done").Train(t => t.Adam(1e-2).Epochs(1).Batch(50)).Build(), Options());
        var run = RunInfo.Read(done.RunFolder)!;
        Assert.Equal(RunStatus.Completed, run.State);
        Assert.Equal((Environment.MachineName, Environment.ProcessId), (run.Host, run.Pid));
        Assert.Equal(done.Accuracy, run.Accuracy);
        var code = RunInfo.Get(RunInfo.Get(run.Json, "versions")!.Value, "code")!.Value;
        Assert.Equal(CodeVersion.Current.AssembliesSha256, RunInfo.Str(code, "assemblies_sha256"));
        Assert.Matches("^[0-9a-f]{64}$", CodeVersion.Current.AssembliesSha256);

        using var cancel = new CancellationTokenSource();
        var stopped = ExperimentRunner.Run(Mlp("stopped").Train(t => t.Adam(1e-2).Epochs(3).Batch(50)).Build(), Options(new CancelAfterEpoch(cancel), cancel.Token));
        Assert.Equal(RunStatus.Cancelled, RunInfo.Read(stopped.RunFolder)!.State);
    }

    [Fact]
    public void A_running_run_whose_process_is_gone_reads_as_interrupted()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        var start = DateTime.UtcNow.AddMinutes(-1).ToString("O");
        Assert.Equal(RunStatus.Interrupted, Fake("killed", Environment.MachineName, gone.Id, start).State);
        var self = Process.GetCurrentProcess().StartTime.ToUniversalTime().ToString("O");
        Assert.Equal(RunStatus.Running, Fake("alive", Environment.MachineName, Environment.ProcessId, self).State);
        // The same pid, but a later process than the one that started the run.
        Assert.Equal(RunStatus.Interrupted, Fake("reused", Environment.MachineName, Environment.ProcessId, DateTime.UtcNow.AddDays(-3).ToString("O")).State);
        // Another machine's process cannot be checked from here.
        Assert.Equal(RunStatus.Running, Fake("elsewhere", "some-other-host", gone.Id, start).State);
    }

    private RunInfo Fake(string name, string host, int pid, string processStart)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "run.json"), JsonSerializer.Serialize(new { status = "running", name, mode = "Float", seed = 0, host, pid, process_start = processStart }));
        return RunInfo.Read(dir)!;
    }

    private sealed class ThrowOnBatch(int epoch, int batch) : ITrainingObserver
    {
        public void OnBatch(int e, int b, int batches, double runningLoss)
        {
            if (e == epoch && b == batch) throw new InvalidOperationException("disk on fire");
        }

        public void OnEpoch(EpochMetrics metrics) { }
    }

    internal sealed class CancelAfterEpoch(CancellationTokenSource cancel, int after = 1) : ITrainingObserver
    {
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) { }
        public void OnEpoch(EpochMetrics metrics) { if (metrics.Epoch + 1 == after) cancel.Cancel(); }
    }
}
