namespace HwDsl.Contracts;

/// <summary>
/// The generic non-volatile-memory element of Obradovic et al. 2018 (arXiv 1809.04982): a finite on/off ratio, an
/// exponential non-linearity and a scale, with additive Gaussian programming and read noise. It takes no parameters of
/// its own (r, ν and s come from the hardware description), does not drift and has no defects on record.
/// <code>
/// g(u)  = s · (1/r + (1 − 1/r) · f_ν(u)),   u ∈ [0, 1]
/// f_ν(u) = (1 − e^(−ν·u)) / (1 − e^(−ν))    (f = u when |ν| &lt; 1e-9)
/// g'(u) = s · (1 − 1/r) · ν·e^(−ν·u) / (1 − e^(−ν))
/// programmed / read:  g' = clip(g + σ·s·z, s/r, s)   (one normal draw z per call when σ &gt; 0, none when σ = 0)
/// </code>
/// </summary>
public sealed class NvmDevice : IDeviceModel, IDevice
{
    /// <summary>The shared instance (the model has no state).</summary>
    public static NvmDevice Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "nvm";

    /// <inheritdoc />
    public string Version => "2.0.0";

    /// <inheritdoc />
    public string Description => "NVM element: on/off ratio r, exponential non-linearity nu, scale s; additive Gaussian noise (Obradovic et al. 2018, arXiv 1809.04982)";

    /// <summary>None: r, ν and s come from the hardware description.</summary>
    public IReadOnlyList<DeviceParameter> Parameters { get; } = [];

    /// <summary>None: the hardware presets (<c>Hardware.Preset</c>) describe Obradovic's configurations.</summary>
    public IReadOnlyList<DevicePreset> Presets { get; } = [];

    /// <inheritdoc />
    public int MaxBits => 16;

    /// <inheritdoc />
    public double? OnOffRatio => null;

    /// <inheritdoc />
    public bool Drifts => false;

    /// <inheritdoc />
    public DefectRates Defects => DefectRates.None;

    /// <summary>This device (it has no settings).</summary>
    public IDevice Configure(DeviceSettings settings) => this;

    /// <summary>g(u) = s·(1/r + (1 − 1/r)·f_ν(u)); u is clipped to [0, 1].</summary>
    public double Conductance(double u, ElementParameters element)
        => DeviceMath.OnRange(DeviceMath.ExponentialShape(u, element.NonLinearity), element);

    /// <summary>g'(u) = s·(1 − 1/r)·f'_ν(u), f'_ν(u) = ν·e^(−ν·u)/(1 − e^(−ν)) (1 when linear); 0 outside [0, 1].</summary>
    public double ConductanceDerivative(double u, ElementParameters element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Scale * (1 - element.InverseOnOffRatio) * DeviceMath.ExponentialShapeDerivative(u, element.NonLinearity);
    }

    /// <summary>clip(g + σ·s·z, s/r, s) for one standard-normal draw <paramref name="z"/>; exactly g when σ = 0.</summary>
    /// <param name="g">The conductance aimed at.</param>
    /// <param name="element">The element.</param>
    /// <param name="sigma">Programming σ, a fraction of Gmax.</param>
    /// <param name="z">A standard-normal draw.</param>
    public double Programmed(double g, ElementParameters element, double sigma, double z) => AddNoise(g, element, sigma, z);

    /// <summary>clip(g + σ·s·z, s/r, s) for one standard-normal draw <paramref name="z"/>; exactly g when σ = 0.</summary>
    /// <param name="g">The conductance held.</param>
    /// <param name="element">The element.</param>
    /// <param name="sigma">Read σ, a fraction of Gmax.</param>
    /// <param name="z">A standard-normal draw.</param>
    public double Read(double g, ElementParameters element, double sigma, double z) => AddNoise(g, element, sigma, z);

    /// <inheritdoc />
    public CellState Program(double target, ElementParameters element, double sigma, IRandomSource random)
        => new(target, DeviceMath.CheckSigma(sigma) == 0 ? target : Programmed(target, element, sigma, random.NextNormal()));

    /// <summary>σ·s.</summary>
    public double ProgrammingSigma(double target, ElementParameters element, double sigma) => sigma * element.Scale;

    /// <summary>The programmed conductance: this device does not drift.</summary>
    public double Drift(CellState cell, ElementParameters element, double seconds) => cell.Conductance;

    /// <inheritdoc />
    public double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random)
        => DeviceMath.CheckSigma(sigma) == 0 ? cell.Conductance : Read(cell.Conductance, element, sigma, random.NextNormal());

    /// <summary>σ·s.</summary>
    public double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds) => sigma * element.Scale;

    /// <summary>Open reads Gmin, short Gmax, stuck-at-random a uniformly drawn point of the transfer curve.</summary>
    public double Defective(DefectKind kind, ElementParameters element, IRandomSource random) => kind switch
    {
        DefectKind.Open => element.MinConductance,
        DefectKind.Short => element.MaxConductance,
        _ => Conductance(random.NextUniform(), element),
    };

    private static double AddNoise(double g, ElementParameters element, double sigma, double z)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (sigma < 0 || double.IsNaN(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), $"noise sigma must be >= 0; got {sigma}.");
        if (sigma == 0) return g;
        return Math.Clamp(g + sigma * element.Scale * z, element.MinConductance, element.MaxConductance);
    }
}
