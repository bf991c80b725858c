namespace HwDsl.Contracts;

/// <summary>
/// Small numerical pieces device models share, so a plugin need not rewrite them: the exponential level curve of
/// Obradovic et al. 2018 and e^x − 1 without cancellation.
/// </summary>
public static class DeviceMath
{
    private const double LinearThreshold = 1e-9;

    /// <summary>
    /// f_ν(u) = (1 − e^(−ν·u)) / (1 − e^(−ν)) for u ∈ [0, 1] (clipped): f(0) = 0, f(1) = 1, concave for ν &gt; 0, convex
    /// for ν &lt; 0, and exactly u when |ν| &lt; 1e-9.
    /// </summary>
    /// <param name="u">Programmed fraction.</param>
    /// <param name="nu">Non-linearity ν.</param>
    public static double ExponentialShape(double u, double nu)
    {
        u = Math.Clamp(u, 0, 1);
        return Math.Abs(nu) < LinearThreshold ? u : ExpM1(-nu * u) / ExpM1(-nu);
    }

    /// <summary>f'_ν(u) = ν·e^(−ν·u) / (1 − e^(−ν)) (1 when linear); 0 outside [0, 1].</summary>
    /// <param name="u">Programmed fraction.</param>
    /// <param name="nu">Non-linearity ν.</param>
    public static double ExponentialShapeDerivative(double u, double nu)
    {
        if (u < 0 || u > 1) return 0;
        return Math.Abs(nu) < LinearThreshold ? 1 : -nu * Math.Exp(-nu * u) / ExpM1(-nu);
    }

    /// <summary>Gmin + (Gmax − Gmin)·f: a shape f ∈ [0, 1] placed on the element's conductance range.</summary>
    /// <param name="shape">f ∈ [0, 1].</param>
    /// <param name="element">The element.</param>
    public static double OnRange(double shape, ElementParameters element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var invR = element.InverseOnOffRatio;
        return element.Scale * (invR + (1 - invR) * shape);
    }

    /// <summary>e^x − 1 without cancellation near 0 (Kahan's trick; Math has no expm1).</summary>
    /// <param name="x">The exponent.</param>
    public static double ExpM1(double x)
    {
        var e = Math.Exp(x);
        if (e == 1) return x;
        var em1 = e - 1;
        if (em1 == -1) return -1;
        return double.IsInfinity(e) ? e : em1 * x / Math.Log(e);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="sigma"/> is finite and ≥ 0.</summary>
    /// <param name="sigma">A noise σ.</param>
    /// <param name="name">Its name in the message.</param>
    public static double CheckSigma(double sigma, string name = "sigma") => sigma >= 0 && double.IsFinite(sigma)
        ? sigma
        : throw new ArgumentOutOfRangeException(name, $"noise {name} must be finite and >= 0; got {sigma}.");
}
