namespace HwDsl;

/// <summary>
/// Conductance read noise redrawn on every MVM (cycle-to-cycle), distinct from <c>ReadNoise</c> (drawn once per deployed
/// sample) and from programming noise: every element reads as <c>G + σ·ε</c> on each input vector (σ a fraction of Gmax).
/// Its effect on a column is exactly Gaussian with σ_y = σ·k·‖x‖₂ (k = √2 for a differential pair, 2 for a single element
/// against the reference), so it is drawn at the output, not per cell. Acts as deployed, and in noise-aware training;
/// gradient passes unchanged. <c>hw.ReadNoisePerMvm(0.02)</c>; σ in [0, 0.5] (HW0805).
/// </summary>
/// <param name="Sigma">σ per element and read, a fraction of Gmax.</param>
public sealed record ReadNoisePerMvm(double Sigma) : PeripheryStageSpec
{
    /// <summary>The largest σ accepted.</summary>
    public const double MaxSigma = 0.5;

    /// <inheritdoc />
    public override string Name => nameof(ReadNoisePerMvm);

    /// <inheritdoc />
    public override int Position => 100;

    /// <inheritdoc />
    public override bool IsRandom => true;

    /// <inheritdoc />
    public override bool IsIdentity => Sigma == 0;

    /// <inheritdoc />
    public override IEnumerable<StageProblem> Check(LayerHardware layer)
    {
        if (!(Sigma >= 0 && Sigma <= MaxSigma))
            yield return new StageProblem(RuleCodes.ReadNoisePerMvm, "ReadNoisePerMvm.sigma", Sigma,
                $"ReadNoisePerMvm sigma must be in [0, {MaxSigma}] (a fraction of Gmax per read); got {Format.Value(Sigma)}.");
    }

    /// <inheritdoc />
    public override string ToString() => $"ReadNoisePerMvm(sigma {Format.Value(Sigma)})";
}
