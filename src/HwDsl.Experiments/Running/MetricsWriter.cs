using HwDsl.Compiler;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>Rewrites metrics.csv after every epoch (atomically) and forwards progress to the caller's observer.</summary>
internal sealed class MetricsWriter(RunFolder run, CompiledNetwork network, ITrainingObserver? inner) : ITrainingObserver
{
    private readonly List<IReadOnlyList<object?>> _rows = [];

    public void OnBatch(int epoch, int batch, int batches, double runningLoss) => inner?.OnBatch(epoch, batch, batches, runningLoss);

    public void OnEpoch(EpochMetrics m)
    {
        _rows.Add([m.Epoch + 1, m.LearningRate, network.Beta, m.TrainLoss, m.TrainAccuracy, m.TestLoss, m.TestAccuracy, m.SamplesPerSecond, m.TrainTime.TotalSeconds]);
        run.WriteCsv("metrics.csv", ["epoch", "lr", "beta", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "samples_per_s", "train_seconds"], _rows);
        inner?.OnEpoch(m);
    }
}
