using HwDsl.Contracts;

namespace HwDsl.Devices.Mtj;

/// <summary>
/// A magnetic tunnel junction (STT-MRAM cell): two states, parallel (low resistance, Gmax) and antiparallel
/// (high resistance, Gmin), so one bit per element.
/// <code>
/// on/off:       G_P / G_AP = R_AP / R_P = 1 + TMR          (unless the hardware sets an OnOffRatio)
/// transfer:     G(u) = s·(1/r + (1 − 1/r)·u)   (only u = 0 (AP) and u = 1 (P) are states; the line serves training)
/// programming:  G = max(G_T·(1 + d2d_sigma·z₁) + σ·s·z₂, 0)   device-to-device variation of each junction's state
/// read:         G + √((read_noise·G)² + (σ·s)²)·z₃, clipped at 0
/// defects:      open → 0 (no current), short → short_conductance·Gmax, stuck → P or AP with probability ½
/// </code>
/// Switching is deterministic in this model (no write errors) and the junction does not drift.
/// </summary>
public sealed class MtjModel : IDeviceModel
{
    /// <inheritdoc />
    public string Name => "mtj";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public string Description => "binary MTJ / STT-MRAM: parallel and antiparallel states, on/off = 1 + TMR, device-to-device variation, shorted and open junctions";

    /// <inheritdoc />
    public IReadOnlyList<DeviceParameter> Parameters { get; } =
    [
        new("tmr", "1", 0.01, 10, 1.5, "tunnel magnetoresistance (R_AP - R_P)/R_P; on/off ratio = 1 + TMR"),
        new("d2d_sigma", "fraction of G", 0, 0.5, 0.05, "device-to-device variation: relative sigma of each junction's conductance"),
        new("read_noise", "fraction of G", 0, 0.5, 0, "relative read noise per read"),
        new("open_rate", "fraction of cells", 0, 1, 0, "typical fraction of open junctions (reads 0)"),
        new("short_rate", "fraction of cells", 0, 1, 0, "typical fraction of shorted junctions"),
        new("short_conductance", "Gmax", 1, 100, 1, "what a shorted junction conducts, in units of the parallel state's G"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<DevicePreset> Presets { get; } =
    [
        new("nist-2023",
            "Borders et al., arXiv 2312.06446 (NIST, Phys. Rev. Applied 21, 054028 (2024)): 36 dies of 20,000 MTJs close to commercial "
            + "STT-MRAM, with shorted and open junctions and device-to-device variation. The paper's measured statistics are not "
            + "available here: TMR = 1.5 (typical of commercial perpendicular MTJs), d2d 5 %, shorted 2 % and open 0.5 % (the example "
            + "rates of this project's design sketch) are assumptions to replace with the measured ones; a short reads as the P state.",
            new Dictionary<string, double>
            {
                ["tmr"] = 1.5, ["d2d_sigma"] = 0.05, ["read_noise"] = 0, ["open_rate"] = 0.005, ["short_rate"] = 0.02, ["short_conductance"] = 1,
            }),
    ];

    /// <inheritdoc />
    public IDevice Configure(DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double open = settings.Get("open_rate"), shorted = settings.Get("short_rate");
        if (open + shorted > 1)
            throw new ArgumentException($"open_rate + short_rate = {open + shorted:G6} exceeds 1.");
        return new MtjDevice(settings.Get("tmr"), settings.Get("d2d_sigma"), settings.Get("read_noise"),
            new DefectRates(open, shorted, 0), settings.Get("short_conductance"));
    }
}
