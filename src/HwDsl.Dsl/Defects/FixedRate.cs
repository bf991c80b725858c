namespace HwDsl;

/// <summary>Every die has the same rate: a fraction of its devices, in [0, 1] (HW0501).</summary>
/// <param name="Rate">The fraction of devices.</param>
public sealed record FixedRate(double Rate) : RateDistribution
{
    /// <inheritdoc />
    public override double Mean => Rate;

    /// <inheritdoc />
    public override string ToString() => Format.Value(Rate);
}
