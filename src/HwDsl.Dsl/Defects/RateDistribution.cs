namespace HwDsl;

/// <summary>
/// Where one die's defect rate comes from: <see cref="FixedRate"/> (every die the same) or <see cref="BetaRate"/>
/// (each die draws its own rate, so dies differ). A plain number converts to a fixed rate:
/// <c>d.Open(0.005)</c> is <c>d.Open(Dist.Fixed(0.005))</c>.
/// </summary>
public abstract record RateDistribution
{
    private protected RateDistribution() { }

    /// <summary>The mean rate over dies.</summary>
    public abstract double Mean { get; }

    /// <summary>True when every die has rate 0 (the defect kind is off).</summary>
    public bool IsZero => this is FixedRate { Rate: 0 };

    /// <summary>A fixed rate in [0, 1].</summary>
    /// <param name="rate">The rate.</param>
    public static implicit operator RateDistribution(double rate) => new FixedRate(rate);
}
