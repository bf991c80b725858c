namespace HwDsl;

/// <summary>
/// Each die draws its rate from a Beta distribution with this mean and standard deviation (the spread of yield
/// between dies, Borders et al. 2023). Shape parameters: <c>k = mean(1 - mean)/sd² - 1</c>, <c>α = mean·k</c>,
/// <c>β = (1 - mean)·k</c>; valid for 0 &lt; mean &lt; 1 and 0 &lt; sd² &lt; mean(1 - mean) (HW0502).
/// </summary>
/// <param name="MeanRate">Mean rate over dies.</param>
/// <param name="Sd">Standard deviation of the rate over dies.</param>
public sealed record BetaRate(double MeanRate, double Sd) : RateDistribution
{
    /// <inheritdoc />
    public override double Mean => MeanRate;

    /// <summary>Shape α of the Beta distribution.</summary>
    public double Alpha => MeanRate * Concentration;

    /// <summary>Shape β of the Beta distribution.</summary>
    public double Beta => (1 - MeanRate) * Concentration;

    private double Concentration => MeanRate * (1 - MeanRate) / (Sd * Sd) - 1;

    /// <inheritdoc />
    public override string ToString() => $"Beta(mean {Format.Value(MeanRate)}, sd {Format.Value(Sd)})";
}
