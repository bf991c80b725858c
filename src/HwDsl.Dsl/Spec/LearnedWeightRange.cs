namespace HwDsl;

/// <summary>
/// <c>w_max</c> per layer as a trained parameter: it starts at the rounding-error-optimal scale of the initial weights
/// (as <see cref="FittedWeightRange"/>) and is then learned with the weights through the hardware (the gradient of
/// <c>s·R(Q(clip(W/s)))</c> in s, as in learned-step-size quantization). Weights beyond it clip to the outer levels.
/// Needs hardware-aware training (HW0310): there is nothing to learn it from otherwise.
/// </summary>
public sealed record LearnedWeightRange : WeightRange
{
    /// <inheritdoc />
    public override string ToString() => "Learned";
}
