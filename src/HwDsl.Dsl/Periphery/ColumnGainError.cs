namespace HwDsl;

/// <summary>
/// Gain mismatch of each column's readout (sense amplifier / ADC front end): a tile's column j multiplies its partial
/// output by g_j = 1 + σ·z_j, z_j ~ N(0, 1) drawn independently for every column of every tile when the array is
/// programmed (once per deployed sample, so it is device-to-device-like, not per read). Acts on the deployed network.
/// <c>hw.Periphery(new ColumnGainError(0.02))</c>; σ in [0, 0.5] (HW0151), 0 is off.
/// </summary>
/// <param name="Sigma">Relative spread of a column's gain.</param>
public sealed record ColumnGainError(double Sigma) : PeripheryStageSpec
{
    /// <summary>The largest σ accepted.</summary>
    public const double MaxSigma = 0.5;

    /// <inheritdoc />
    public override string Name => nameof(ColumnGainError);

    /// <inheritdoc />
    public override int Position => 300;

    /// <inheritdoc />
    public override bool IsRandom => true;

    /// <inheritdoc />
    public override bool IsIdentity => Sigma == 0;

    /// <inheritdoc />
    public override IEnumerable<StageProblem> Check(LayerHardware layer)
    {
        if (!(Sigma >= 0 && Sigma <= MaxSigma))
            yield return new StageProblem(RuleCodes.ColumnGainError, "ColumnGainError.sigma", Sigma,
                $"ColumnGainError sigma must be in [0, {MaxSigma}] (relative spread of a column's gain); got {Format.Value(Sigma)}.");
    }

    /// <inheritdoc />
    public override string ToString() => $"ColumnGainError(sigma {Format.Value(Sigma)})";
}
