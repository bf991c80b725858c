using HwDsl.Compiler;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>Rewrites metrics.csv after every epoch (atomically) and forwards progress to the caller's observer.</summary>
internal sealed class MetricsWriter(RunFolder run, CompiledNetwork? network, ITrainingObserver? inner, string? label = null) : ITrainingObserver
{
    private readonly List<IReadOnlyList<object?>> _rows = [];

    public void OnStart(TrainingStart start) => inner?.OnStart(start with { Label = start.Label ?? label });

    public void OnBatch(int epoch, int batch, int batches, double runningLoss) => inner?.OnBatch(epoch, batch, batches, runningLoss);

    public void OnEpoch(EpochMetrics m)
    {
        _rows.Add([m.Epoch + 1, m.LearningRate, network?.Beta ?? double.NaN, m.TrainLoss, m.TrainAccuracy, m.TestLoss, m.TestAccuracy, m.SamplesPerSecond, m.TrainTime.TotalSeconds]);
        run.WriteCsv("metrics.csv", ["epoch", "learning_rate", "beta", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "samples_per_second", "train_seconds"], _rows);
        inner?.OnEpoch(m);
    }
}
