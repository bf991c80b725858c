using HwDsl.Data;

namespace HwDsl.Training;

/// <summary>How to train: epochs, mini-batch, optimizer, schedule and the seed that fixes data order.</summary>
public sealed record TrainingOptions(int Epochs, int BatchSize, OptimizerSpec Optimizer, LearningRateSchedule Schedule, int Seed)
{
    /// <summary>Rows per forward pass when evaluating (does not change results, only speed and memory).</summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>Random translations of the training images (none when null); test images are never shifted.</summary>
    public RandomShift? Shift { get; init; }

    /// <summary>Continue after this checkpoint's epochs instead of from the start (the model and optimizer must match it).</summary>
    public TrainingCheckpoint? Resume { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value and what is allowed.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs must be at least 1; got {Epochs}.");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1; got {BatchSize}.");
        if (EvaluationBatchSize < 1) throw new ArgumentException($"evaluation batch size must be at least 1; got {EvaluationBatchSize}.");
        Optimizer.Validate();
        Shift?.Validate();
    }
}
