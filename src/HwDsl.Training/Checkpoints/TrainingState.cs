using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>Takes a <see cref="TrainingCheckpoint"/> from a model and optimizer, and puts one back.</summary>
internal static class TrainingState
{
    public static TrainingCheckpoint Capture(int epochsDone, ILayer<float> model, Optimizer<float> optimizer, IReadOnlyList<EpochMetrics> epochs)
        => new(epochsDone, [.. model.Parameters.Select(p => p.Values.ToArray())],
            new OptimizerState(optimizer.Steps, [.. optimizer.Buffers.Select(b => b.ToArray())]),
            (model as IStatefulModel)?.SaveState() ?? [], [.. epochs]);

    public static void Restore(TrainingCheckpoint checkpoint, ILayer<float> model, Optimizer<float> optimizer, int epochs)
    {
        if (checkpoint.EpochsDone < 0 || checkpoint.EpochsDone > epochs)
            throw new ArgumentException($"the checkpoint is after epoch {checkpoint.EpochsDone}, but training has {epochs} epochs.");
        IReadOnlyList<Tensor<float>> parameters = model.Parameters;
        if (checkpoint.Parameters.Count != parameters.Count || checkpoint.Parameters.Zip(parameters).Any(p => p.First.Length != p.Second.Length))
            throw new ArgumentException($"the checkpoint holds {checkpoint.Parameters.Count} parameters of {string.Join(", ", checkpoint.Parameters.Select(p => p.Length))} values; "
                + $"the model has {parameters.Count} of {string.Join(", ", parameters.Select(p => p.Length))}.");
        for (var i = 0; i < parameters.Count; i++) checkpoint.Parameters[i].CopyTo(parameters[i].Values);
        // A checkpoint after the last epoch may leave out the optimizer's buffers: nothing steps after it.
        if (checkpoint.EpochsDone < epochs || checkpoint.Optimizer.Buffers.Count > 0) optimizer.Restore(checkpoint.Optimizer.Steps, checkpoint.Optimizer.Buffers);
        if (model is IStatefulModel stateful) stateful.LoadState(checkpoint.ModelState);
        else if (checkpoint.ModelState.Length > 0) throw new ArgumentException("the checkpoint holds model state, but this model keeps none.");
    }
}
