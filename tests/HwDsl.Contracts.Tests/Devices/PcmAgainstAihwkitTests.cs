using HwDsl.Devices.Pcm;

namespace HwDsl.Contracts.Tests.Devices;

/// <summary>
/// The F# PCM plugin against aihwkit's PCMLikeNoiseModel, transcribed here in its own units (µS, g_max = 25 µS,
/// t_inference counted from t0): programming noise, drift exponents, drift and accumulated read noise at a few points.
/// </summary>
public sealed class PcmAgainstAihwkitTests
{
    private const double GMax = 25; // µS: aihwkit's default g_max, the programming polynomial's reference
    private static readonly IDeviceModel Model = new PcmModel();
    private static readonly IDevice Device = Model.Configure(DeviceSettings.Resolve(Model, "nandakumar2019"));
    private static readonly ElementParameters Element = new(double.PositiveInfinity, 0, 1);

    // aihwkit: apply_programming_noise_to_conductance (µS).
    private static double AihwkitProgrammed(double gTarget, double z)
    {
        double[] c = [0.26348, 1.9650, -1.1731];
        double mat = 1, sig = c[0];
        foreach (var coeff in c.Skip(1)) { mat *= gTarget / GMax; sig += mat * coeff; }
        sig *= GMax / 25.0;
        return Math.Max(gTarget + sig * z, 0);
    }

    // aihwkit: generate_drift_coefficients.
    private static double AihwkitNu(double gTarget, double z)
    {
        var rel = Math.Max(Math.Abs(gTarget / GMax), 1e-7);
        var mu = Math.Clamp(-0.0155 * Math.Log(rel) + 0.0244, 0.049, 0.1);
        var sig = Math.Clamp(-0.0125 * Math.Log(rel) - 0.0059, 0.008, 0.045);
        return Math.Max(Math.Abs(mu + sig * z), 0);
    }

    // aihwkit: apply_drift_noise_to_conductance (µS), t0 = 20 s, t_read = 250 ns.
    private static double AihwkitRead(double gProg, double nu, double tInference, double z)
    {
        const double t0 = 20, tRead = 250e-9;
        var t = tInference + t0;
        var gDrift = t > t0 ? gProg * Math.Pow(t / t0, -nu) : gProg;
        var qs = Math.Min(0.0088 / Math.Max(Math.Pow(Math.Abs(gProg) / GMax, 0.65), 1e-3), 0.2);
        var sigNoise = qs * Math.Sqrt(Math.Log((t + tRead) / (2 * tRead)));
        return Math.Max(gDrift + Math.Abs(gDrift) * sigNoise * z, 0);
    }

    public static TheoryData<double, double, double, double, double> Points => new()
    {
        // x = G_T/Gmax, z (programming), z (drift exponent), z (read), t after programming (s)
        { 0.5, 0.7, -0.3, 1.1, 0 },
        { 0.5, -1.2, 0.4, -0.6, 1 },
        { 0.9, 0.3, 1.5, 0.2, 86400 },
        { 0.1, -0.4, -2.0, 1.7, 365 * 86400.0 },
        { 0.02, 1.9, 0.8, -1.3, 3600 },
    };

    [Theory, MemberData(nameof(Points))]
    public void Programming_drift_and_read_match_aihwkit(double x, double zProg, double zNu, double zRead, double seconds)
    {
        var gProgUs = AihwkitProgrammed(x * GMax, zProg);
        var nu = AihwkitNu(x * GMax, zNu);
        var expected = AihwkitRead(gProgUs, nu, seconds, zRead) / GMax;

        // The plugin draws: programming z, the hardware's σ z (σ = 0 here), the drift exponent's z; then read z, σ z.
        var cell = Device.Program(x, Element, 0, new ScriptedRandom(zProg, 0, zNu));
        Assert.Equal(gProgUs / GMax, cell.Conductance, 12);
        Assert.Equal(nu, cell.DriftExponent, 12);
        Assert.Equal(expected, Device.Read(cell, Element, 0, seconds, new ScriptedRandom(zRead, 0)), 12);
    }

    [Fact]
    public void Hand_computed_values_at_half_scale()
    {
        // σ_prog(0.5) = (0.26348 + 1.9650/2 − 1.1731/4)/25 = 0.952705/25 = 0.0381082 of Gmax.
        Assert.Equal(0.0381082, Device.ProgrammingSigma(0.5, Element, 0), 6);
        // ν at x = 0.5: μ = −0.0155 ln 0.5 + 0.0244 = 0.035 → clipped to 0.049; σ_ν → 0.008. With z = 1: 0.057.
        Assert.Equal(0.057, Device.Program(0.5, Element, 0, new ScriptedRandom(0, 0, 1)).DriftExponent, 12);
        // One day with ν = 0.057: ((86400 + 20)/20)^(−0.057).
        var cell = new CellState(0.5, 0.5, 0.057);
        Assert.Equal(0.5 * Math.Pow(86420 / 20.0, -0.057), Device.Drift(cell, Element, 86400), 12);
        // Read σ at t = 0 (t = t0 = 20 s): Q_s = 0.0088/0.5^0.65, times √ln((20 + 250e-9)/(500e-9)).
        Assert.Equal(0.5 * 0.0088 / Math.Pow(0.5, 0.65) * Math.Sqrt(Math.Log((20 + 250e-9) / 500e-9)), Device.ReadSigma(cell, Element, 0, 0), 12);
    }

    [Fact]
    public void Drift_lowers_conductance_and_read_noise_grows_with_time()
    {
        var cell = Device.Program(0.6, Element, 0, new ScriptedRandom(0, 0, 0));
        double[] t = [0, 1, 3600, 86400, 365 * 86400.0];
        var g = t.Select(s => Device.Drift(cell, Element, s)).ToArray();
        var relative = t.Select((s, i) => Device.ReadSigma(cell, Element, 0, s) / g[i]).ToArray();
        for (var i = 1; i < t.Length; i++)
        {
            Assert.True(g[i] < g[i - 1], $"G({t[i]}) = {g[i]} not below G({t[i - 1]}) = {g[i - 1]}");
            Assert.True(relative[i] > relative[i - 1], $"relative read noise at {t[i]} s not above that at {t[i - 1]} s");
        }
        // Without drift (drift_scale 0) nothing changes.
        var still = Model.Configure(DeviceSettings.Resolve(Model, "nandakumar2019", new Dictionary<string, double> { ["drift_scale"] = 0 }));
        Assert.False(still.Drifts);
        var c = still.Program(0.6, Element, 0, new ScriptedRandom(0, 0, 0));
        Assert.Equal(c.Conductance, still.Drift(c, Element, 365 * 86400.0));
    }
}
