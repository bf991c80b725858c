namespace HwDsl;

/// <summary>
/// Output-referred read noise, redrawn on every MVM: each tile column's output gets <c>y_j ← y_j + σ·ε</c>, ε ~ N(0, 1) per
/// input vector and column, in units of Gmax × full-scale input (the current of one fully-on cell at full input; aihwkit's
/// normalised units, where its default out_noise is 0.06). Sits before the ADC. Acts as deployed, and in noise-aware
/// training (<c>t.NoiseAware(...)</c>); gradient passes unchanged. <c>hw.OutputNoise(0.06)</c>; σ in [0, 10] (HW0804).
/// </summary>
/// <param name="Sigma">σ of the added noise.</param>
public sealed record OutputNoise(double Sigma) : PeripheryStageSpec
{
    /// <summary>The largest σ accepted.</summary>
    public const double MaxSigma = 10;

    /// <inheritdoc />
    public override string Name => nameof(OutputNoise);

    /// <inheritdoc />
    public override int Position => 200;

    /// <inheritdoc />
    public override bool IsRandom => true;

    /// <inheritdoc />
    public override bool IsIdentity => Sigma == 0;

    /// <inheritdoc />
    public override IEnumerable<StageProblem> Check(LayerHardware layer)
    {
        if (!(Sigma >= 0 && Sigma <= MaxSigma))
            yield return new StageProblem(RuleCodes.OutputNoise, "OutputNoise.sigma", Sigma,
                $"OutputNoise sigma must be in [0, {Format.Value(MaxSigma)}] (units of Gmax × full-scale input); got {Format.Value(Sigma)}.");
    }

    /// <inheritdoc />
    public override string ToString() => $"OutputNoise(sigma {Format.Value(Sigma)} per MVM)";
}
