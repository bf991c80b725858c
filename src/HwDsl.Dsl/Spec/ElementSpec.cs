namespace HwDsl;

/// <summary>
/// One conductance element: <c>G_k = Gmin + (Gmax - Gmin) f(k/(L-1))</c> with
/// <c>f(u) = (1 - exp(-nu u)) / (1 - exp(-nu))</c>, all scaled by <see cref="Scale"/>.
/// </summary>
/// <param name="OnOffRatio">Gmax/Gmin, &gt; 1, or +∞ for Gmin = 0.</param>
/// <param name="NonLinearity">nu; 0 is linear, finite, |nu| ≤ 20.</param>
/// <param name="Scale">Multiplies the element's conductances: 1 for G+, 1 + asymmetry for G-.</param>
public sealed record ElementSpec(double OnOffRatio, double NonLinearity, double Scale)
{
    /// <summary>An ideal element: infinite on/off ratio, linear, unit scale.</summary>
    public static ElementSpec Ideal { get; } = new(double.PositiveInfinity, 0, 1);
}
