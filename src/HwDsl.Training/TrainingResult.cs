namespace HwDsl.Training;

/// <summary>The outcome of a training run; <see cref="Completed"/> is false when it was cancelled part-way.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> Epochs, bool Completed)
{
    /// <summary>Test accuracy after the last finished epoch (NaN when none finished).</summary>
    public double TestAccuracy => Epochs.Count == 0 ? double.NaN : Epochs[^1].TestAccuracy;

    /// <summary>Mean training throughput over the finished epochs.</summary>
    public double SamplesPerSecond => Epochs.Count == 0 ? double.NaN : Epochs.Average(e => e.SamplesPerSecond);
}
