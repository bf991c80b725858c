namespace HwDsl;

/// <summary>
/// The column ADC of every tile: a tile's column output y (in units of Gmax × full-scale input, i.e. the current of one
/// fully-on cell at full input) is clipped to [−B, B] and quantized to the 2^bits − 1 levels symmetric around 0,
/// <c>y_q = Δ·round(clip(y, −B, B)/Δ)</c>, Δ = B/(2^(bits−1) − 1). Outputs beyond ±B saturate; evaluation counts them per
/// layer. The bound B is fixed (<see cref="AdcRange.Fixed"/>) or calibrated per tile after programming from a calibration
/// batch of training data (<see cref="AdcRange.Calibrated"/>). Acts as deployed, and in hardware-aware training with a
/// straight-through gradient (zero where saturated). <c>hw.Adc(bits: 8, range: AdcRange.Calibrated(percentile: 99.9))</c>;
/// bits 2..16 (HW0801), range checks HW0802/HW0803.
/// </summary>
/// <param name="Bits">Resolution, 2..16.</param>
/// <param name="Range">How the bound B is chosen.</param>
public sealed record Adc(int Bits, AdcRange Range) : PeripheryStageSpec
{
    /// <summary>The largest resolution accepted.</summary>
    public const int MaxBits = 16;

    /// <inheritdoc />
    public override string Name => nameof(Adc);

    /// <inheritdoc />
    public override int Position => 400;

    /// <inheritdoc />
    public override IEnumerable<StageProblem> Check(LayerHardware layer)
    {
        if (Bits is < 2 or > MaxBits)
            yield return new StageProblem(RuleCodes.AdcBits, "Adc.bits", Bits, $"Adc bits must be in 2..{MaxBits} (a signed output needs a sign bit); got {Bits}.");
        switch (Range)
        {
            case null:
                yield return new StageProblem(RuleCodes.AdcRange, "Adc.range", null, "Adc range must be AdcRange.Fixed(bound) or AdcRange.Calibrated(percentile); got null.");
                break;
            case FixedAdcRange f when !(f.Bound > 0 && double.IsFinite(f.Bound)):
                yield return new StageProblem(RuleCodes.AdcRange, "Adc.range", f.Bound,
                    $"AdcRange.Fixed needs a finite bound > 0 (units of Gmax × full-scale input); got {Format.Value(f.Bound)}.");
                break;
            case CalibratedAdcRange c when !(c.Percentile > 50 && c.Percentile <= 100):
                yield return new StageProblem(RuleCodes.AdcPercentile, "Adc.range.percentile", c.Percentile,
                    $"AdcRange.Calibrated percentile must be in (50, 100] (of |y| on the calibration batch); got {Format.Value(c.Percentile)}.");
                break;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Adc({Bits}-bit, {Range})";
}
