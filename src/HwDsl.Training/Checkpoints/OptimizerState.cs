namespace HwDsl.Training;

/// <summary>An optimizer's state: steps taken and its per-parameter buffers (Adam's m then v, SGD's momentum), copied.</summary>
/// <param name="Steps">Steps taken (Adam's bias correction depends on it).</param>
/// <param name="Buffers">The buffers in the optimizer's own order.</param>
public sealed record OptimizerState(int Steps, IReadOnlyList<float[]> Buffers);
