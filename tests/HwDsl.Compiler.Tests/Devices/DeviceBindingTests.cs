namespace HwDsl.Compiler.Tests;

/// <summary>The compiler resolves each layer's device, preset and parameters against the catalog; mistakes name the line and list what exists.</summary>
public sealed class DeviceBindingTests
{
    private static ExperimentBuilder Exp(HardwareBuilder hw, Action<LayerSelector>? layers = null)
    {
        var e = Experiment.Named("d").Seed(1).Data(Datasets.Named("synthetic", classes: 4, inputSize: 12))
            .Network(n => n.Dense(16).ClippedRelu().Dense(4));
        return layers is null ? e.On(hw) : e.On(hw, layers);
    }

    private static SpecError Error(ExperimentSpec spec)
        => Assert.Single(Assert.Throws<SpecException>(() => NetworkCompiler.Compile(spec, 12, 4, PluginCatalog.Create())).Errors);

    [Fact]
    public void Unknown_preset_lists_the_devices_presets_and_names_the_line()
    {
        var spec = Exp(Hardware.DifferentialPair().Device("rram", preset: "wan2021")).Build(); var line = Line();
        var e = Error(spec);
        Assert.Equal(RuleCodes.UnknownDevicePreset, e.Code);
        Assert.Contains("Device 'rram' has no preset \"wan2021\"; its presets: wan2022, gong2018-pulsed.", e.Message);
        Assert.Equal(line, e.Line);
        Assert.EndsWith("DeviceBindingTests.cs", e.File);
        Assert.Matches(@"DeviceBindingTests\.cs\(\d+\): error HW0143: ", e.ToString());
    }

    [Fact]
    public void Unknown_parameter_lists_parameters_with_ranges_and_units()
    {
        var spec = Exp(Hardware.DifferentialPair().Device("pcm").DeviceParameter("drift_nu", 0.06)).Build(); var line = Line();
        var e = Error(spec);
        Assert.Equal(RuleCodes.UnknownDeviceParameter, e.Code);
        Assert.Contains("unknown parameter \"drift_nu\"; its parameters: t0 in [0.001, 10000] seconds, t_read in", e.Message);
        Assert.Contains("drift_scale in [0, 10] dimensionless", e.Message);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Out_of_range_parameter_gives_the_range_unit_and_meaning()
    {
        var e = Error(Exp(Hardware.DifferentialPair().Device("mtj").WeightBits(1).DeviceParameter("tmr", 20)).Build());
        Assert.Equal(RuleCodes.DeviceParameterRange, e.Code);
        Assert.Contains("tmr = 20, outside its range [0.01, 10] 1 (tunnel magnetoresistance", e.Message);
    }

    [Fact]
    public void Unknown_device_and_too_many_bits_are_errors()
    {
        var unknown = Error(Exp(Hardware.DifferentialPair().Device("memristor")).Build());
        Assert.Equal(RuleCodes.UnknownDevice, unknown.Code);
        Assert.Contains("known devices: fefet, mtj, nvm, pcm, rram", unknown.Message);

        var spec = Exp(Hardware.DifferentialPair().Device("mtj", preset: "nist-2023").WeightBits(4)).Build(); var line = Line();
        var both = Assert.Throws<SpecException>(() => NetworkCompiler.Compile(spec, 12, 4, PluginCatalog.Create())).Errors;
        Assert.Equal(2, both.Count);   // one per layer
        var bits = both[0];
        Assert.Equal(RuleCodes.DeviceBits, bits.Code);
        Assert.Contains("device 'mtj' holds at most 1 bit per element", bits.Message);
        Assert.Equal(line, bits.Line);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var spec = Exp(Hardware.DifferentialPair().Device("rram", preset: "nope").DeviceParameter("read_noise", 2).DeviceParameter("mu", 1)).Build();
        var errors = Assert.Throws<SpecException>(() => NetworkCompiler.Compile(spec, 12, 4, PluginCatalog.Create())).Errors;
        Assert.Equal([RuleCodes.UnknownDevicePreset, RuleCodes.DeviceParameterRange, RuleCodes.UnknownDeviceParameter], errors.Select(e => e.Code));
    }

    [Fact]
    public void Per_layer_device_with_preset_and_parameters()
    {
        var spec = Exp(Hardware.DifferentialPair().Device("rram", "wan2022").DeviceParameter("read_noise", 0.02).WeightBits(4),
            layers => layers.Last.Device("pcm", preset: "nandakumar2019").DeviceParameter("drift_scale", 2)).Build();
        Assert.Equal(new DeviceChoice("wan2022", [new DeviceParameterValue("read_noise", 0.02)]), spec.Layers[0].DeviceChoice);
        // The override names another device: the experiment's rram settings are not inherited.
        Assert.Equal("pcm", spec.Layers[1].Device);
        Assert.Equal(new DeviceChoice("nandakumar2019", [new DeviceParameterValue("drift_scale", 2)]), spec.Layers[1].DeviceChoice);
        Assert.Contains("DevicePreset", spec.DebugView());
        Assert.Contains("drift_scale", spec.DebugView());
        var net = NetworkCompiler.Compile(spec, 12, 4, PluginCatalog.Create());
        var layers = net.HardwareLayers.ToList();
        Assert.Equal("rram", layers[0].Levels.DeviceName);
        Assert.Equal("pcm", layers[1].Levels.DeviceName);
        Assert.True(layers[1].Levels.Device.Drifts);
    }

    [Fact]
    public void The_devices_on_off_ratio_applies_unless_the_script_sets_one()
    {
        var own = NetworkCompiler.Compile(Exp(Hardware.DifferentialPair().Device("mtj", "nist-2023").WeightBits(1)).Build(), 12, 4, PluginCatalog.Create());
        Assert.Equal(2.5, own.HardwareLayers.First().Levels.Positive.OnOffRatio);
        Assert.Equal(1 - 1 / 2.5, own.HardwareLayers.First().Levels.Max, 6);
        var set = NetworkCompiler.Compile(Exp(Hardware.DifferentialPair().Device("mtj", "nist-2023").WeightBits(1).OnOffRatio(4)).Build(), 12, 4, PluginCatalog.Create());
        Assert.Equal(4, set.HardwareLayers.First().Levels.Positive.OnOffRatio);
    }

    [Fact]
    public void Dsl_refuses_an_empty_preset_name_a_nan_parameter_and_a_negative_read_time()
    {
        var e = Assert.Throws<SpecException>(() => Exp(Hardware.DifferentialPair().DevicePreset(" ").DeviceParameter("x", double.NaN))
            .Evaluate(v => v.At(TimeSpan.FromSeconds(-1))).Build());
        Assert.Equal([RuleCodes.DevicePresetName, RuleCodes.DeviceParameterValue, RuleCodes.ReadTime], e.Errors.Select(x => x.Code).Order());
    }

    private static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
