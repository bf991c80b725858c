namespace HwDsl.Training;

/// <summary>What one epoch did: training loss and accuracy over its batches, test loss and accuracy after it, speed.</summary>
public sealed record EpochMetrics(
    int Epoch,
    int Epochs,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double TestLoss,
    double TestAccuracy,
    double SamplesPerSecond,
    TimeSpan TrainTime,
    TimeSpan Elapsed,
    TimeSpan Remaining);
