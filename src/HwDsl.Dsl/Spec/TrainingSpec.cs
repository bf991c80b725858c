namespace HwDsl;

/// <summary>Training settings.</summary>
/// <param name="Optimizer">Optimizer.</param>
/// <param name="LearningRate">Initial learning rate, &gt; 0.</param>
/// <param name="Momentum">SGD momentum in [0, 1); 0 for Adam/AdamW.</param>
/// <param name="WeightDecay">Decoupled weight decay (AdamW), ≥ 0; 0 otherwise.</param>
/// <param name="Epochs">Epochs, ≥ 1.</param>
/// <param name="Batch">Mini-batch size, ≥ 1.</param>
/// <param name="Schedule">Learning-rate schedule.</param>
/// <param name="Mode">Float, naive mapping or hardware-aware.</param>
/// <param name="Relaxation">The relaxation; non-null exactly when <paramref name="Mode"/> is <see cref="TrainingMode.HardwareAware"/>.</param>
public sealed record TrainingSpec(
    OptimizerKind Optimizer, double LearningRate, double Momentum, double WeightDecay, int Epochs, int Batch,
    ScheduleSpec Schedule, TrainingMode Mode, RelaxationSpec? Relaxation)
{
    /// <summary>Which defective dies hardware-aware training sees (naive, per-die, statistics-aware).</summary>
    public DieTraining Dies { get; init; } = DieTraining.Naive;

    /// <summary>How weights pick their level when programmed (Muller &amp; Indiveri 2015): nearest (default) or stochastic.</summary>
    public WeightRounding Rounding { get; init; } = WeightRounding.Nearest;

    /// <summary>Noise injected per mini-batch in hardware-aware training (<c>NoiseAware</c>), or null.</summary>
    public TrainingNoise? Noise { get; init; }
}
