namespace HwDsl.Training;

/// <summary>What a training run is about to do, so progress can show samples/s and an ETA from the first batch.</summary>
/// <param name="Epochs">Epochs to train.</param>
/// <param name="BatchesPerEpoch">Mini-batches per epoch.</param>
/// <param name="BatchSize">Samples per mini-batch (the last one may be smaller).</param>
/// <param name="TrainSamples">Training samples per epoch.</param>
public sealed record TrainingStart(int Epochs, int BatchesPerEpoch, int BatchSize, int TrainSamples)
{
    /// <summary>What is training (an experiment's name), for progress lines; null when unnamed.</summary>
    public string? Label { get; init; }
}
