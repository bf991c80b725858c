using HwDsl.Compiler;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// Rewrites metrics.csv after every epoch and checkpoint.bin after it (both atomically), and forwards progress to the
/// caller's observer. A resumed run starts from the checkpoint's epochs and β, so its metrics.csv ends as an
/// uninterrupted run's would. Without a network (weights trained elsewhere) β is NaN; <paramref name="label"/> names the
/// run in the progress display.
/// </summary>
internal sealed class MetricsWriter(RunFolder run, CompiledNetwork? network, ITrainingObserver? inner, string? label = null, bool checkpoints = false,
    TrainingCheckpoint? resumed = null, IReadOnlyList<double>? resumedBetas = null) : ICheckpointSink
{
    private readonly List<double> _betas = [.. resumedBetas ?? []];
    private readonly List<EpochMetrics> _epochs = [.. resumed?.Epochs ?? []];

    public void OnStart(TrainingStart start) => inner?.OnStart(start with { Label = start.Label ?? label });

    public void OnBatch(int epoch, int batch, int batches, double runningLoss) => inner?.OnBatch(epoch, batch, batches, runningLoss);

    public void OnEpoch(EpochMetrics m)
    {
        _epochs.Add(m);
        _betas.Add(network?.Beta ?? double.NaN);
        Write();
        inner?.OnEpoch(m);
    }

    public void OnCheckpoint(TrainingCheckpoint checkpoint)
    {
        if (checkpoints) CheckpointFile.Write(run, checkpoint, _betas, final: checkpoint.EpochsDone == checkpoint.Epochs[^1].Epochs);
    }

    /// <summary>Writes the rows restored from a checkpoint (a resumed run shows its finished epochs before the next one ends).</summary>
    public void Write()
    {
        var rows = _epochs.Select((m, i) => (IReadOnlyList<object?>)[m.Epoch + 1, m.LearningRate, i < _betas.Count ? _betas[i] : double.NaN, m.TrainLoss,
            m.TrainAccuracy, m.TestLoss, m.TestAccuracy, m.SamplesPerSecond, m.TrainTime.TotalSeconds]);
        run.WriteCsv("metrics.csv", ["epoch", "learning_rate", "beta", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "samples_per_second", "train_seconds"], rows);
    }
}
