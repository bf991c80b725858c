namespace HwDsl;

/// <summary>An ADC bound calibrated per tile from data (<see cref="AdcRange.Calibrated"/>).</summary>
/// <param name="Percentile">The percentile of |y| on the calibration batch.</param>
public sealed record CalibratedAdcRange(double Percentile) : AdcRange
{
    /// <summary>Training rows the calibration batch holds (the first rows of the training split).</summary>
    public const int CalibrationRows = 1000;

    /// <inheritdoc />
    public override string ToString() => $"calibrated p{Format.Value(Percentile)}";
}
