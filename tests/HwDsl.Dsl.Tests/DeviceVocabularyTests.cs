using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

/// <summary>Device presets and parameters are kept as data with their provenance; read time is an evaluation option.</summary>
public sealed class DeviceVocabularyTests
{
    [Fact]
    public void Device_preset_and_parameters_are_recorded_with_where_they_were_set()
    {
        var hw = Hardware.DifferentialPair().Device("pcm", preset: "nandakumar2019"); var presetLine = Here();
        hw.DeviceParameter("drift_scale", 2); var parameterLine = Here();
        var spec = Mlp(hw).Build();
        foreach (var layer in spec.Layers)
        {
            Assert.Equal("pcm", layer.Device);
            Assert.Equal("nandakumar2019", layer.DeviceChoice.Preset);
            Assert.Equal([new DeviceParameterValue("drift_scale", 2)], layer.DeviceChoice.Parameters);
            Assert.Equal(presetLine, spec.SourceOf($"Layers[{layer.Index}].DevicePreset").Line);
            Assert.Equal(parameterLine, spec.SourceOf($"Layers[{layer.Index}].DeviceParameters.drift_scale").Line);
        }
        Assert.Contains("DevicePreset", spec.DebugView());
        Assert.Contains($"drift_scale", spec.DebugView());
        Assert.Contains($"DeviceVocabularyTests.cs:{parameterLine}", spec.DebugView());
    }

    [Fact]
    public void Later_values_win_and_a_layer_naming_another_device_starts_afresh()
    {
        var spec = Mlp(Hardware.DifferentialPair().Device("rram", "wan2022").DeviceParameter("nu", 1).DeviceParameter("NU", 2),
            layers =>
            {
                layers[1].DeviceParameter("read_noise", 0.02);
                layers.Last.Device("fefet").DevicePreset("obradovic2018");
            }).Build();
        Assert.Equal(new DeviceChoice("wan2022", [new DeviceParameterValue("NU", 2)]), spec.Layers[0].DeviceChoice);
        Assert.Equal(new DeviceChoice("wan2022", [new DeviceParameterValue("NU", 2), new DeviceParameterValue("read_noise", 0.02)]), spec.Layers[1].DeviceChoice);
        Assert.Equal(new DeviceChoice("obradovic2018", []), spec.Layers[2].DeviceChoice);
        Assert.Equal("fefet", spec.Layers[2].Device);
        Assert.NotEqual(spec, Mlp(Hardware.DifferentialPair().Device("rram", "wan2022")).Build());
    }

    [Fact]
    public void A_preset_beside_a_device_is_the_devices_unless_it_is_a_hardware_preset()
    {
        var device = Mlp(Hardware.DifferentialPair(device: "rram", preset: "wan2022")).Build();
        Assert.Equal("wan2022", device.Layers[0].DeviceChoice.Preset);
        var hardware = Mlp(Hardware.DifferentialPair(device: "rram", preset: "ideal")).Build();
        Assert.Null(hardware.Layers[0].DeviceChoice.Preset);
        Assert.Equal(ValueSource.Preset, hardware.SourceOf("Layers[0].Positive.OnOffRatio").Source);
    }

    [Fact]
    public void Default_device_choice_is_the_devices_defaults()
    {
        var spec = Mlp(Hardware.DifferentialPair()).Build();
        Assert.All(spec.Layers, l => Assert.Equal(DeviceChoice.Defaults, l.DeviceChoice));
        Assert.Equal("defaults", DeviceChoice.Defaults.ToString());
        Assert.Equal(0, spec.Evaluation.ReadSeconds);
    }

    [Fact]
    public void Bad_values_name_their_line()
    {
        AssertAt(Fails(Mlp(Hardware.DifferentialPair().DevicePreset("")), RuleCodes.DevicePresetName), Here());
        AssertAt(Fails(Mlp(Hardware.DifferentialPair().DeviceParameter("", 1)), RuleCodes.DeviceParameterValue), Here());
        AssertAt(Fails(Mlp(Hardware.DifferentialPair().DeviceParameter("nu", double.PositiveInfinity)), RuleCodes.DeviceParameterValue), Here());
        AssertAt(Fails(Mlp(Hardware.DifferentialPair()).Evaluate(e => e.AtSeconds(double.NaN)), RuleCodes.ReadTime), Here());
    }

    [Fact]
    public void Read_time_is_kept_in_seconds()
    {
        var spec = Mlp(Hardware.DifferentialPair()).Evaluate(e => e.Deployed().At(TimeSpan.FromDays(1))).Build();
        Assert.Equal(86400, spec.Evaluation.ReadSeconds);
        Assert.Contains("ReadAt", spec.DebugView());
    }

    [Fact]
    public void Several_samples_are_allowed_on_a_device_that_may_have_its_own_noise()
    {
        // Only the compiler's catalog knows whether a plugin device is noisy; the built-in one without σ is refused (HW0402).
        Mlp(Hardware.DifferentialPair().Device("pcm")).Train(t => t.NaiveMapping()).Evaluate(e => e.Deployed(samples: 3)).Build();
        Fails(Mlp(Hardware.DifferentialPair()).Train(t => t.NaiveMapping()).Evaluate(e => e.Deployed(samples: 3)), RuleCodes.SamplesWithoutNoise);
    }
}
