namespace HwDsl.Training;

/// <summary>An observer that also keeps a checkpoint after every finished epoch (a run folder writes it to disk).</summary>
public interface ICheckpointSink : ITrainingObserver
{
    /// <summary>Called after <see cref="ITrainingObserver.OnEpoch"/> with the state after that epoch.</summary>
    void OnCheckpoint(TrainingCheckpoint checkpoint);
}
