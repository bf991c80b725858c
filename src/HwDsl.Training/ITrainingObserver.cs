namespace HwDsl.Training;

/// <summary>Receives progress while a model trains (a terminal bar, a log, a run folder).</summary>
public interface ITrainingObserver
{
    /// <summary>Called once before the first batch (does nothing unless implemented).</summary>
    void OnStart(TrainingStart start) { }

    /// <summary>Called every few batches with the position inside the epoch (0-based epoch).</summary>
    void OnBatch(int epoch, int batch, int batches, double runningLoss);

    /// <summary>Called after each epoch's evaluation.</summary>
    void OnEpoch(EpochMetrics metrics);
}
