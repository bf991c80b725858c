namespace HwDsl.Training;

/// <summary>
/// Everything training needs to continue after <see cref="EpochsDone"/> epochs exactly as if it had never stopped: the
/// parameters, the optimizer's state, the model's own state (<see cref="IStatefulModel"/>, e.g. which training die is
/// drawn next) and the metrics of the finished epochs. Mini-batch order, shifts, the learning rate and β depend only on
/// (seed, epoch), so they need no state.
/// </summary>
/// <param name="EpochsDone">Finished epochs; training continues with this 0-based epoch.</param>
/// <param name="Parameters">Copies of the parameter values, in the model's parameter order.</param>
/// <param name="Optimizer">The optimizer's step count and buffers.</param>
/// <param name="ModelState">The model's own state, or empty.</param>
/// <param name="Epochs">Metrics of the finished epochs.</param>
public sealed record TrainingCheckpoint(int EpochsDone, IReadOnlyList<float[]> Parameters, OptimizerState Optimizer, byte[] ModelState,
    IReadOnlyList<EpochMetrics> Epochs);
