namespace HwDsl;

/// <summary>A fixed ADC bound (<see cref="AdcRange.Fixed"/>).</summary>
/// <param name="Bound">B, in units of Gmax × full-scale input.</param>
public sealed record FixedAdcRange(double Bound) : AdcRange
{
    /// <inheritdoc />
    public override string ToString() => $"fixed ±{Format.Value(Bound)}";
}
