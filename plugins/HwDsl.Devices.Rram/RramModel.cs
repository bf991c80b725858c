using HwDsl.Contracts;

namespace HwDsl.Devices.Rram;

/// <summary>
/// Multilevel filamentary RRAM (ReRAM) programmed level by level.
/// <code>
/// transfer:     G(u) = s·(1/r + (1 − 1/r)·f_ν(u)),   ν = nu + the hardware's NonLinearity, r = on_off unless the hardware sets one
/// programming:  G = max(G_T + prog_noise_scale·σ_p(x)·z₁ + σ·s·z₂, 0),  x = G_T/s
///               σ_p(x) = s·(c₀ + c₁x + c₂x² + c₃x³ + c₄x⁴) / 40 µS   (polynomial fit at 1 s, in µS at g_max = 40 µS)
/// read at t:    G + √((read_noise·s)² + relax_scale²·(σ_t(x)² − σ_p(x)²) + (σ·s)²)·z₃, clipped at 0
/// </code>
/// σ_t is the same polynomial fitted at 1 day and 2 days, interpolated in log-time from 1 s and held after 2 days:
/// the spread that grows as filaments relax. RRAM does not drift in one direction, so <see cref="IDevice.Drift"/>
/// returns the programmed conductance. Polynomials: aihwkit's <c>ReRamWan2022NoiseModel</c>, fitted to Wan et al.,
/// Nature 608 (2022), https://www.nature.com/articles/s41586-022-04992-8.
/// </summary>
public sealed class RramModel : IDeviceModel
{
    /// <inheritdoc />
    public string Name => "rram";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public string Description => "multilevel RRAM: exponential level curve, conductance-dependent programming noise and relaxation (Wan et al. 2022 via aihwkit), read noise";

    /// <inheritdoc />
    public IReadOnlyList<DeviceParameter> Parameters { get; } =
    [
        new("nu", "1", -10, 10, 0, "bend nu of the level curve f_nu(u) = (1 - e^(-nu u))/(1 - e^(-nu)); 0 with write-verify"),
        new("on_off", "1", 1.5, 1e6, 10, "Gmax/Gmin of the cell when the hardware sets no OnOffRatio"),
        new("prog_noise_scale", "1", 0, 10, 1, "scale of the conductance-dependent programming noise polynomial"),
        new("read_noise", "fraction of Gmax", 0, 0.5, 0.01, "short-term read (1/f) noise sigma"),
        new("relax_scale", "1", 0, 10, 1, "scale of the spread added by relaxation after programming (t > 1 s)"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<DevicePreset> Presets { get; } =
    [
        new("wan2022",
            "Wan et al., Nature 608, 504 (2022) (NeuRRAM): write-verify programming (linear levels, nu = 0); programming and relaxation "
            + "noise are aihwkit's ReRamWan2022NoiseModel polynomial fits at 1 s, 1 day, 2 days (g_max = 40 uS); read noise 1 % as aihwkit "
            + "advises for that model. on_off = 10 is an assumption, not from the paper.",
            new Dictionary<string, double> { ["nu"] = 0, ["on_off"] = 10, ["prog_noise_scale"] = 1, ["read_noise"] = 0.01, ["relax_scale"] = 1 }),
        new("gong2018-pulsed",
            "Gong et al., Nat. Commun. 9, 2102 (2018): pulse-programmed RRAM whose step shrinks exponentially with conductance; nu = 5 is "
            + "the exponential-step gamma = 5 of aihwkit's ReRamESPresetDevice fit to that paper, taken as the bend of the level curve "
            + "(an approximation). Noise polynomials as wan2022 (an assumption: the paper's programming statistics are not used here).",
            new Dictionary<string, double> { ["nu"] = 5, ["on_off"] = 10, ["prog_noise_scale"] = 1, ["read_noise"] = 0.01, ["relax_scale"] = 1 }),
    ];

    /// <inheritdoc />
    public IDevice Configure(DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RramDevice(settings.Get("nu"), settings.Get("on_off"), settings.Get("prog_noise_scale"), settings.Get("read_noise"), settings.Get("relax_scale"));
    }
}
