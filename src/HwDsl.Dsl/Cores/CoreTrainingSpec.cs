namespace HwDsl;

/// <summary>Training of a core network: the shared recipe (optimizer, learning rate, epochs, batch, schedule) on the connection
/// parameters and the real-valued leaks, and the core-specific settings.</summary>
/// <param name="Method">Probabilistic baseline or learned binary crossbar.</param>
/// <param name="LearningRate">Learning rate, finite and &gt; 0.</param>
/// <param name="Epochs">Epochs, ≥ 1.</param>
/// <param name="Batch">Mini-batch size, ≥ 1.</param>
/// <param name="Smoothing">σ₀ &gt; 0: added in quadrature to the synaptic sum's standard deviation in the Gaussian
/// spike approximation Φ(μ/√(σ² + σ₀²)), so a neuron with deterministic inputs still passes a gradient.</param>
/// <param name="ReadoutScale">Logit of class c = scale × (summed spike probabilities of its neurons), &gt; 0.</param>
/// <param name="HardHiddenSpikes">Hidden layers emit their deterministic spikes [μ ≥ 0] forward (the deployed computation)
/// with the Gaussian gradient as a surrogate; only with <see cref="CoreTrainingMethod.LearnedBinary"/> (HW0612).</param>
/// <param name="HardOutputSpikes">The output layer emits deterministic spikes forward as well, so training's loss is on the
/// deployed class counts (surrogate Gaussian gradient; default for learned binary); only with <see cref="CoreTrainingMethod.LearnedBinary"/> (HW0612).</param>
/// <param name="Shift">Largest random translation of a training image, 0..8 pixels (0: none).</param>
public sealed record CoreTrainingSpec(CoreTrainingMethod Method, double LearningRate, int Epochs, int Batch, double Smoothing, double ReadoutScale,
    bool HardHiddenSpikes, bool HardOutputSpikes, int Shift = 0)
{
    /// <summary>The optimizer (Adam unless the script chose AdamW or Sgd).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>SGD momentum in [0, 1); 0 otherwise.</summary>
    public double Momentum { get; init; }

    /// <summary>Decoupled weight decay (AdamW), ≥ 0; 0 otherwise.</summary>
    public double WeightDecay { get; init; }

    /// <summary>The learning-rate schedule (cosine unless the script chose another).</summary>
    public ScheduleSpec Schedule { get; init; } = HwDsl.Schedule.Cosine;
}
