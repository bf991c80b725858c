using HwDsl.Devices.FeFet;
using HwDsl.Devices.Mtj;
using HwDsl.Devices.Rram;

namespace HwDsl.Contracts.Tests.Devices;

/// <summary>What each C# plugin's physics must do beyond the generic conformance suite.</summary>
public sealed class PluginPhysicsTests
{
    private static IDevice Configure(IDeviceModel model, string? preset, params (string Name, double Value)[] overrides)
        => model.Configure(DeviceSettings.Resolve(model, preset, overrides.ToDictionary(o => o.Name, o => o.Value)));

    [Fact]
    public void Mtj_is_binary_with_on_off_one_plus_tmr_and_its_defects()
    {
        var mtj = Configure(new MtjModel(), "nist-2023");
        Assert.Equal(1, mtj.MaxBits);
        Assert.Equal(2.5, mtj.OnOffRatio);
        Assert.Equal(0.02, mtj.Defects.Short);
        Assert.Equal(0.005, mtj.Defects.Open);
        var e = new ElementParameters(2.5, 0, 1);
        Assert.Equal(0, mtj.Defective(DefectKind.Open, e, new ScriptedRandom()));
        Assert.Equal(1, mtj.Defective(DefectKind.Short, e, new ScriptedRandom()));
        Assert.Equal(3.0, Configure(new MtjModel(), null, ("tmr", 2)).OnOffRatio);
        // Device-to-device variation is relative: a P junction spreads 2.5× as much as an AP one.
        Assert.Equal(0.05, mtj.ProgrammingSigma(1, e, 0), 12);
        Assert.Equal(0.02, mtj.ProgrammingSigma(0.4, e, 0), 12);
        Assert.Equal(1.05, mtj.Program(1, e, 0, new ScriptedRandom(1, 0)).Conductance, 12);
        Assert.Equal(0, Configure(new MtjModel(), "nist-2023", ("d2d_sigma", 0)).ProgrammingSigma(1, e, 0));
    }

    [Fact]
    public void Mtj_refuses_defect_rates_over_one()
    {
        var e = Assert.Throws<ArgumentException>(() => Configure(new MtjModel(), null, ("open_rate", 0.6), ("short_rate", 0.5)));
        Assert.Contains("exceeds 1", e.Message);
    }

    [Fact]
    public void Rram_programming_noise_follows_the_wan2022_polynomial()
    {
        var rram = Configure(new RramModel(), "wan2022");
        var e = new ElementParameters(10, 0, 1);
        // σ(x) = (0.348 + 16.030x − 43.853x² + 45.393x³ − 16.815x⁴) µS / 40 µS.
        foreach (var x in new[] { 0.1, 0.5, 1.0 })
        {
            var us = 0.348 + 16.030 * x - 43.853 * x * x + 45.393 * x * x * x - 16.815 * x * x * x * x;
            Assert.Equal(us / 40, rram.ProgrammingSigma(x, e, 0), 12);
        }
        // Relaxation: the spread read after a day exceeds the one right after programming; none is added before 1 s.
        var cell = new CellState(0.5, 0.5);
        Assert.Equal(0.01, rram.ReadSigma(cell, e, 0, 0), 12);
        Assert.True(rram.ReadSigma(cell, e, 0, 86400) > 2 * rram.ReadSigma(cell, e, 0, 0));
        Assert.True(rram.ReadSigma(cell, e, 0, 3600) > rram.ReadSigma(cell, e, 0, 0));
    }

    [Fact]
    public void Rram_bend_comes_from_its_preset_and_adds_to_the_hardware_non_linearity()
    {
        var pulsed = Configure(new RramModel(), "gong2018-pulsed");
        var verified = Configure(new RramModel(), "wan2022");
        var e = new ElementParameters(10, 0, 1);
        Assert.Equal(0.55, verified.Conductance(0.5, e), 12);
        Assert.True(pulsed.Conductance(0.5, e) > 0.9, "nu = 5 bunches levels near Gmax");
        Assert.Equal(pulsed.Conductance(0.3, e), verified.Conductance(0.3, new ElementParameters(10, 5, 1)), 12);
    }

    [Fact]
    public void Fefet_msb_mismatch_makes_the_levels_uneven_and_variation_grows_with_bits_set()
    {
        var ideal = Configure(new FeFetModel(), null);
        var cell = Configure(new FeFetModel(), "obradovic2018");
        var e = new ElementParameters(1e4, 0, 1);
        Assert.Equal(4, cell.MaxBits);
        Assert.Equal(1e4, cell.OnOffRatio);
        // Ideal: 16 evenly spaced levels.
        for (var k = 0; k < 16; k++) Assert.Equal(DeviceMath.OnRange(k / 15.0, e), ideal.Conductance(k / 15.0, e), 12);
        // MSB 3 % weak: the step from 0111 to 1000 is smaller than the others.
        double Step(int k) => cell.Conductance((k + 1) / 15.0, e) - cell.Conductance(k / 15.0, e);
        Assert.True(Step(7) < 0.8 * Step(6), $"{Step(7)} vs {Step(6)}");
        // 1111 has four sources varying, 0001 one.
        Assert.True(cell.ProgrammingSigma(cell.Conductance(1, e), e, 0) > 3 * cell.ProgrammingSigma(cell.Conductance(1 / 15.0, e), e, 0));
        Assert.Equal(0, cell.ProgrammingSigma(cell.Conductance(0, e), e, 0));
    }

    [Fact]
    public void Fefet_refuses_a_mismatch_that_breaks_monotonicity()
    {
        var e = Assert.Throws<ArgumentException>(() => Configure(new FeFetModel(), null, ("bits", 4), ("msb_error", -0.08)));
        Assert.Contains("monotone", e.Message);
    }

    [Fact]
    public void Settings_name_unknown_parameters_presets_and_ranges()
    {
        var model = new RramModel();
        Assert.Contains("parameters: nu in [-10, 10] dimensionless", Assert.Throws<ArgumentException>(() => DeviceSettings.Resolve(model, null, new Dictionary<string, double> { ["mu"] = 1 })).Message);
        Assert.Contains("presets: wan2022, gong2018-pulsed", Assert.Throws<ArgumentException>(() => DeviceSettings.Resolve(model, "wan2021")).Message);
        Assert.Contains("outside [0, 0.5]", Assert.Throws<ArgumentException>(() => DeviceSettings.Resolve(model, null, new Dictionary<string, double> { ["read_noise"] = 0.7 })).Message);
        var s = DeviceSettings.Resolve(model, "gong2018-pulsed", new Dictionary<string, double> { ["NU"] = 2 });
        Assert.Equal(2, s.Get("nu"));
        Assert.Equal(0.01, s.Get("read_noise"));
    }
}
