using HwDsl.Contracts;

namespace HwDsl.Devices.FeFet;

/// <summary>
/// A FeFET-gated multi-bit digital cell, the kind of weight element Obradovic et al. 2018 (arXiv 1809.04982) build
/// their multi-bit MAC from: each of the cell's <c>bits</c> is stored in a ferroelectric FET that switches a
/// binary-weighted current source (1, 2, 4, … units) onto the bit line, so the cell conducts Σ_b bit_b·2^b units.
/// <code>
/// levels:       C_k = Σ_b bit_b(k)·2^b·(1 + ε_b),  k = 0..2^bits − 1,   ε_MSB = msb_error, ε_b = 0 otherwise
/// transfer:     G(u) = s·(1/r + (1 − 1/r)·C(u·(2^bits − 1))/C_max),  C piecewise linear between levels; r = on_off
///               (an off FeFET still leaks I_on/on_off)
/// programming:  G = G_T + Σ_{b set} w_b·vt_sigma·z_b + σ·s·z,   w_b the conductance of bit b (V_T variation of each FeFET)
/// read:         G + √((read_noise·s)² + (σ·s)²)·z
/// </code>
/// A weight with fewer bits than the cell uses the cell's levels at u = k/(L−1). The curve is monotone as long as the
/// MSB's error is small (|msb_error| ≤ 1/2^bits, checked). The cell does not drift.
/// </summary>
public sealed class FeFetModel : IDeviceModel
{
    /// <inheritdoc />
    public string Name => "fefet";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public string Description => "FeFET-gated multi-bit digital cell: binary-weighted current sources, MSB mismatch, per-bit V_T variation, finite FeFET on/off";

    /// <inheritdoc />
    public IReadOnlyList<DeviceParameter> Parameters { get; } =
    [
        new("bits", "bits", 1, 8, 4, "bits stored in the cell (one FeFET and current source each)"),
        new("on_off", "1", 2, 1e7, 1e4, "FeFET on/off current ratio; all bits off leak Gmax/on_off"),
        new("msb_error", "fraction", -0.1, 0.1, 0, "systematic relative error of the most significant bit's current source"),
        new("vt_sigma", "fraction of a bit's current", 0, 0.5, 0, "relative sigma of each programmed-on FeFET's current (V_T variation)"),
        new("read_noise", "fraction of Gmax", 0, 0.5, 0, "read noise sigma"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<DevicePreset> Presets { get; } =
    [
        new("obradovic2018",
            "Obradovic et al. 2018 (arXiv 1809.04982, Samsung): multi-bit MAC cells of FeFET-gated binary-weighted sources. The paper's "
            + "cell numbers are not available here: 4 bits, FeFET on/off 1e4, MSB mismatch -3 % and per-bit sigma 2 % are illustrative "
            + "assumptions, not values from the paper.",
            new Dictionary<string, double> { ["bits"] = 4, ["on_off"] = 1e4, ["msb_error"] = -0.03, ["vt_sigma"] = 0.02, ["read_noise"] = 0 }),
    ];

    /// <inheritdoc />
    public IDevice Configure(DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bits = settings.Get("bits");
        if (bits != Math.Round(bits)) throw new ArgumentException($"bits must be a whole number; got {bits:G6}.");
        var msb = settings.Get("msb_error");
        if (Math.Abs(msb) > 1.0 / (1 << (int)bits))
            throw new ArgumentException($"|msb_error| = {Math.Abs(msb):G6} exceeds 1/2^bits = {1.0 / (1 << (int)bits):G6}: the cell's levels would not be monotone.");
        return new FeFetDevice((int)bits, settings.Get("on_off"), msb, settings.Get("vt_sigma"), settings.Get("read_noise"));
    }
}
