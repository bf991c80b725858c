using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// One run's folder and record from start to end: creates (or, when resuming, reopens) the folder, writes spec.txt and
/// run.json as <c>running</c>, and then exactly one final status — completed, cancelled, failed or diverged — whatever
/// ends the run.
/// </summary>
internal sealed class RunSession
{
    private RunSession(RunFolder folder, RunRecord record, MetricsWriter metrics, TrainingCheckpoint? checkpoint)
        => (Folder, Record, Metrics, Checkpoint) = (folder, record, metrics, checkpoint);

    public RunFolder Folder { get; }
    public RunRecord Record { get; }
    public MetricsWriter Metrics { get; }

    /// <summary>Where training continues from when the run is resumed, else null.</summary>
    public TrainingCheckpoint? Checkpoint { get; }

    public static RunSession Start(ExperimentSpec spec, Dataset data, CompiledNetwork network, ExperimentOptions options, int threads)
    {
        var ordinal = options.Invocation?.NextOrdinal();
        var text = network.Bound.DebugView();   // what runs, with the devices' own values
        RunFolder folder;
        (TrainingCheckpoint Checkpoint, IReadOnlyList<double> Betas)? saved = null;
        if (ordinal is { } o && options.Resume?.Folder(o) is { } earlier)
        {
            folder = RunFolder.Open(earlier);
            var before = Path.Combine(earlier, "spec.txt");
            if (File.Exists(before) && File.ReadAllText(before) != text)
                throw new RunException($"cannot resume {earlier}: run {o} of the script is now a different experiment ('{spec.Name}', spec.txt differs); resume with the same script and --set values.");
            if (RunInfo.Read(earlier) is { } info && Reproduction.DataDifference(info, data.Name, data.Checksum) is { } changed)
                throw new RunException($"cannot resume {earlier}: {changed}.");
            saved = CheckpointFile.Read(earlier);
            options.Log?.Invoke(saved is { } s ? $"run folder: {folder.Path} (resumed after epoch {s.Checkpoint.EpochsDone} of {spec.Training.Epochs})" : $"run folder: {folder.Path} (started again: no checkpoint)");
        }
        else folder = RunOutputs.CreateFolder(spec, options);
        var record = new RunRecord(spec, data, network, threads, options.Invocation, ordinal)
        {
            ResumedAfter = saved?.Checkpoint.EpochsDone,
        };
        RunOutputs.Begin(folder, record, text);
        if (saved is null) File.Delete(Path.Combine(folder.Path, CheckpointFile.Name)); // a run started again must not leave an older one behind
        var metrics = new MetricsWriter(folder, network, options.Observer, spec.Name, options.Checkpoints, saved?.Checkpoint, saved?.Betas);
        if (saved is not null) metrics.Write();
        return new RunSession(folder, record, metrics, saved?.Checkpoint);
    }

    public void Finish(string status) => Folder.WriteJson("run.json", Record.With(status));

    /// <summary>Records why the run ended: diverged (which value, where) or failed (the exception, where).</summary>
    public void Fail(Exception e)
    {
        var failure = RunFailure.From(e);
        try
        {
            Folder.WriteJson("run.json", Record.With(failure.Status, failure));
        }
        catch (Exception write) when (write is IOException or UnauthorizedAccessException)
        {
            // The folder itself went away (disk full, removed): the original error is what the user needs to see.
        }
    }
}
