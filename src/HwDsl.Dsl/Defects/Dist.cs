namespace HwDsl;

/// <summary>Distributions of per-die defect rates: <c>d.Shorted(Dist.Beta(mean: 0.02, sd: 0.01))</c>.</summary>
public static class Dist
{
    /// <summary>The same <paramref name="rate"/> on every die.</summary>
    /// <param name="rate">A fraction of devices, 0..1.</param>
    public static RateDistribution Fixed(double rate) => new FixedRate(rate);

    /// <summary>A per-die rate drawn from a Beta distribution with this mean and standard deviation.</summary>
    /// <param name="mean">Mean rate, 0 &lt; mean &lt; 1.</param>
    /// <param name="sd">Standard deviation over dies, 0 &lt; sd² &lt; mean(1 - mean).</param>
    public static RateDistribution Beta(double mean, double sd) => new BetaRate(mean, sd);
}
