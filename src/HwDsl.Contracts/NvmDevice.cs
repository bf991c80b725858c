namespace HwDsl.Contracts;

/// <summary>
/// The generic non-volatile-memory element of Obradovic et al. 2018 (arXiv 1809.04982): a finite on/off ratio, an
/// exponential non-linearity and a scale, with additive Gaussian programming and read noise.
/// <code>
/// g(u)  = s · (1/r + (1 − 1/r) · f_ν(u)),   u ∈ [0, 1]
/// f_ν(u) = (1 − e^(−ν·u)) / (1 − e^(−ν))    (f = u when |ν| &lt; 1e-9)
/// g'(u) = s · (1 − 1/r) · ν·e^(−ν·u) / (1 − e^(−ν))
/// programmed / read:  g' = clip(g + σ·s·z, s/r, s)
/// </code>
/// </summary>
public sealed class NvmDevice : IDeviceModel
{
    private const double LinearThreshold = 1e-9;

    /// <summary>The shared instance (the model has no state).</summary>
    public static NvmDevice Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "nvm";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public string Description => "NVM element: on/off ratio r, exponential non-linearity nu, scale s; additive Gaussian noise (Obradovic et al. 2018, arXiv 1809.04982)";

    /// <summary>g(u) = s·(1/r + (1 − 1/r)·f_ν(u)); u is clipped to [0, 1].</summary>
    public double Conductance(double u, ElementParameters element)
    {
        ArgumentNullException.ThrowIfNull(element);
        u = Math.Clamp(u, 0, 1);
        var invR = element.InverseOnOffRatio;
        return element.Scale * (invR + (1 - invR) * Shape(u, element.NonLinearity));
    }

    /// <summary>g'(u) = s·(1 − 1/r)·f'_ν(u), f'_ν(u) = ν·e^(−ν·u)/(1 − e^(−ν)) (1 when linear); 0 outside [0, 1].</summary>
    public double ConductanceDerivative(double u, ElementParameters element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (u < 0 || u > 1) return 0;
        var nu = element.NonLinearity;
        var shape = Math.Abs(nu) < LinearThreshold ? 1 : -nu * Math.Exp(-nu * u) / ExpM1(-nu);
        return element.Scale * (1 - element.InverseOnOffRatio) * shape;
    }

    /// <summary>clip(g + σ·s·z, s/r, s); exactly g when σ = 0.</summary>
    public double Programmed(double g, ElementParameters element, double sigma, double z) => AddNoise(g, element, sigma, z);

    /// <summary>clip(g + σ·s·z, s/r, s); exactly g when σ = 0.</summary>
    public double Read(double g, ElementParameters element, double sigma, double z) => AddNoise(g, element, sigma, z);

    private static double AddNoise(double g, ElementParameters element, double sigma, double z)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (sigma < 0 || double.IsNaN(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), $"noise sigma must be >= 0; got {sigma}.");
        if (sigma == 0) return g;
        return Math.Clamp(g + sigma * element.Scale * z, element.MinConductance, element.MaxConductance);
    }

    private static double Shape(double u, double nu)
        => Math.Abs(nu) < LinearThreshold ? u : ExpM1(-nu * u) / ExpM1(-nu);

    // e^x − 1 without cancellation near 0 (Kahan's trick); Math has no expm1.
    private static double ExpM1(double x)
    {
        var e = Math.Exp(x);
        if (e == 1) return x;
        var em1 = e - 1;
        if (em1 == -1) return -1;
        return double.IsInfinity(e) ? e : em1 * x / Math.Log(e);
    }
}
