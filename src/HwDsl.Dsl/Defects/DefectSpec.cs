namespace HwDsl;

/// <summary>
/// Per-device defect rates of a layer's conductance elements. A defective device ignores what is programmed:
/// open (stuck at Gmin), shorted (stuck at Gmax) or stuck at a random level. Each rate is drawn once per die.
/// </summary>
/// <param name="Open">Rate of open devices (stuck at Gmin).</param>
/// <param name="Shorted">Rate of shorted devices (stuck at Gmax).</param>
/// <param name="StuckRandom">Rate of devices stuck at a random level (uniform over the element's levels).</param>
public sealed record DefectSpec(RateDistribution Open, RateDistribution Shorted, RateDistribution StuckRandom)
{
    /// <summary>No defects.</summary>
    public static DefectSpec None { get; } = new(0.0, 0.0, 0.0);

    /// <summary>True when every rate is 0.</summary>
    public bool IsNone => Open.IsZero && Shorted.IsZero && StuckRandom.IsZero;

    /// <summary>Sum of the mean rates (must be ≤ 1).</summary>
    public double MeanTotal => Open.Mean + Shorted.Mean + StuckRandom.Mean;

    /// <inheritdoc />
    public override string ToString() => IsNone ? "none" : $"open {Open}, shorted {Shorted}, stuck-random {StuckRandom}";
}
