namespace HwDsl.Contracts;

/// <summary>
/// The parameters of one programmable conductance element (one side of a differential pair), in conductance units
/// normalized so that the positive element's Gmax = 1.
/// </summary>
/// <param name="OnOffRatio">r = Gmax/Gmin, greater than 1; <see cref="double.PositiveInfinity"/> means Gmin = 0.</param>
/// <param name="NonLinearity">ν, the bend of the transfer curve: 0 is linear, ν &gt; 0 concave (levels bunch near Gmax),
/// ν &lt; 0 convex.</param>
/// <param name="Scale">s = this element's Gmax (1 for the positive element; 1 + a for a negative element with asymmetry a).</param>
public sealed record ElementParameters(double OnOffRatio, double NonLinearity, double Scale)
{
    /// <summary>r = Gmax/Gmin (validated: &gt; 1 or +∞).</summary>
    public double OnOffRatio { get; init; } = OnOffRatio > 1 && !double.IsNaN(OnOffRatio)
        ? OnOffRatio
        : throw new ArgumentOutOfRangeException(nameof(OnOffRatio), $"on/off ratio must be > 1 (or +inf); got {OnOffRatio}.");

    /// <summary>ν (validated: finite).</summary>
    public double NonLinearity { get; init; } = double.IsFinite(NonLinearity)
        ? NonLinearity
        : throw new ArgumentOutOfRangeException(nameof(NonLinearity), $"non-linearity must be finite; got {NonLinearity}.");

    /// <summary>s = Gmax of this element (validated: finite and &gt; 0).</summary>
    public double Scale { get; init; } = double.IsFinite(Scale) && Scale > 0
        ? Scale
        : throw new ArgumentOutOfRangeException(nameof(Scale), $"scale must be finite and > 0; got {Scale}.");

    /// <summary>The ideal element: r = ∞, ν = 0, s = 1 (a linear curve from 0 to 1).</summary>
    public static ElementParameters Ideal { get; } = new(double.PositiveInfinity, 0, 1);

    /// <summary>1/r (0 when r = ∞).</summary>
    public double InverseOnOffRatio => double.IsPositiveInfinity(OnOffRatio) ? 0 : 1 / OnOffRatio;

    /// <summary>Gmin = s/r.</summary>
    public double MinConductance => Scale * InverseOnOffRatio;

    /// <summary>Gmax = s.</summary>
    public double MaxConductance => Scale;
}
