namespace HwDsl.Kernels;

/// <summary>
/// The standard normal CDF Φ and density φ in double, accurate to ~1e-13 relative: a Taylor series of erf below
/// |x| = 2 and a 60-term continued fraction of erfc above (.NET has no erf). The Gaussian spike approximation of a
/// core neuron needs Φ and its exact derivative φ so finite differences agree with backprop.
/// </summary>
public static class Gaussian
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>Φ(z) = P(N(0, 1) ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z * InvSqrt2);

    /// <summary>Φ(z) to ~1e-7 absolute (Abramowitz &amp; Stegun 7.1.26): enough for float training, ~10× cheaper than <see cref="Cdf"/>.</summary>
    public static float CdfFast(float z)
    {
        var x = Math.Abs(z) * (float)InvSqrt2;
        var t = 1f / (1f + 0.3275911f * x);
        var poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
        var erfc = poly * MathF.Exp(-x * x);
        return z >= 0 ? 1f - 0.5f * erfc : 0.5f * erfc;
    }

    /// <summary>φ(z) = e^(−z²/2)/√(2π).</summary>
    public static double Pdf(double z) => InvSqrt2Pi * Math.Exp(-0.5 * z * z);

    /// <summary>erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 2) return 1 - ErfSeries(x);
        if (x > 27) return 0;
        var f = x;
        for (var k = 60; k >= 1; k--) f = x + 0.5 * k / f;
        return Math.Exp(-x * x) * InvSqrtPi / f;
    }

    private static double ErfSeries(double x)
    {
        double sum = 0, term = x, x2 = x * x;
        for (var n = 0; n < 80; n++)
        {
            var add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
            term *= -x2 / (n + 1);
        }
        return 2 * InvSqrtPi * sum;
    }
}
