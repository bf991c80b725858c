using System.Globalization;
using System.Text.RegularExpressions;
using HwDsl.Contracts;

namespace HwDsl.Compiler.Tests;

/// <summary>
/// The bound model is the model that runs: for every shipped device the on/off ratio, levels and noise the deployed array
/// uses are the bound model's, and the bound view (spec.txt) prints those same values with their provenance.
/// </summary>
public sealed partial class BoundModelTests
{
    private static readonly DeviceCatalog Catalog = PluginCatalog.Create();

    public static TheoryData<string, string?, int> MultiLevel => new()
    {
        { "nvm", null, 4 }, { "rram", null, 4 }, { "rram", "wan2022", 4 }, { "pcm", "nandakumar2019", 4 }, { "fefet", null, 4 }, { "fefet", "obradovic2018", 4 },
    };

    public static TheoryData<string, string?> BinaryDevices => new() { { "mtj", null }, { "mtj", "nist-2023" }, { "nvm", null }, { "rram", "wan2022" }, { "pcm", null }, { "fefet", null } };

    private static ExperimentSpec Spec(HardwareBuilder hw, int hidden = 16) =>
        Experiment.Named("bound").Seed(3).Data(Datasets.Named("synthetic", classes: 4, inputSize: 12))
            .Network(n => n.Dense(hidden).ClippedRelu().Dense(4)).On(hw).Train(t => t.NaiveMapping()).Build();

    [Theory]
    [MemberData(nameof(MultiLevel))]
    public void Multilevel_layers_deploy_with_the_bound_ratio_levels_and_noise(string device, string? preset, int bits)
    {
        var spec = Spec(Hardware.DifferentialPair().Device(device, preset).WeightBits(bits).ProgrammingNoise(0.01));
        var bound = ExperimentBinder.Bind(spec, Catalog, 12, 4);
        var net = NetworkCompiler.Compile(bound);
        foreach (var (layer, b) in net.HardwareLayers.Zip(bound.Layers))
        {
            Assert.Same(b, layer.Bound);
            Assert.Equal(b.Positive, layer.Levels.Positive);
            Assert.Equal(b.Negative, layer.Levels.Negative);
            var own = b.Device!.Device.OnOffRatio ?? double.PositiveInfinity;
            Assert.Equal(own, b.Positive.OnOffRatio);   // the script set none: the device's own applies (∞ when it has none)
            // The level table the deployed array uses is the one the bound element parameters give.
            var expected = WeightLevels.Build(b.Device.Device, b.Positive, b.Negative, bits, WeightMapping.DifferentialPair, device);
            Assert.Equal(expected.Values.ToArray(), layer.Levels.Values.ToArray());
            layer.Deploy(seed: 1, sample: 0, noise: false);
            var wMax = layer.WeightRange;
            Assert.All(layer.DeployedWeights.ToArray(), w => Assert.Contains(expected.Values.ToArray(), q => Math.Abs(q * wMax - w) <= 1e-6f * wMax));
            // The programmed conductances are the level table's (no noise), cell by cell.
            for (var i = 0; i < layer.Weights.Length; i += 7)
                Assert.Equal((double)layer.DeployedWeights[i], wMax * (layer.Array.Positive[i] - layer.Array.Negative[i]), 5);
            Assert.Equal(0.01, layer.Hardware.ProgrammingSigma);
        }
        // Noise as bound: deploying with noise moves the weights, by draws of the bound σ.
        var noisy = net.HardwareLayers.First();
        var clean = noisy.DeployedWeights.ToArray();
        noisy.Deploy(seed: 1, sample: 0, noise: true);
        Assert.NotEqual(clean, noisy.DeployedWeights.ToArray());

        var view = bound.DebugView();
        var ratio = bound.Layers[0].Positive.OnOffRatio;
        Assert.Equal(Format(ratio), Value(view, "OnOffRatio"));
        if (b0(bound).Device!.Device.OnOffRatio is not null) Assert.Contains($"[device '{device}{(preset is null ? "" : "/" + preset)}']", Line(view, "OnOffRatio"));
        Assert.Equal(bits.ToString(CultureInfo.InvariantCulture), Value(view, "WeightBits"));
        Assert.Equal("0.01", Value(view, "ProgrammingNoise"));
        foreach (var p in bound.Layers[0].Device!.Parameters)
            Assert.Equal(p.Value.ToString("G6", CultureInfo.InvariantCulture), Value(view, p.Declared.Name));
    }

    [Theory]
    [MemberData(nameof(BinaryDevices))]
    public void Binary_layers_deploy_with_the_bound_ratio(string device, string? preset)
    {
        var spec = Spec(Hardware.Binary(device, preset), hidden: 8);
        var bound = ExperimentBinder.Bind(spec, Catalog, 12, 4);
        var net = NetworkCompiler.Compile(bound);
        var layer = net.BinaryLayers.First();
        var b = bound.Layers[0];
        var ratio = b.Device!.Device.OnOffRatio ?? double.PositiveInfinity;
        Assert.Equal(ratio, b.Positive.OnOffRatio);
        // The deployed cells sit at the device's two states for the bound element: G(0) = Gmax/r for a linear binary device.
        Assert.Equal(b.Device.Device.Conductance(0, b.Positive), layer.Mapping.G0);
        Assert.Equal(b.Device.Device.Conductance(1, b.Positive), layer.Mapping.G1);
        layer.SetDeployedDie(null);
        Assert.All(layer.Array.Positive, g => Assert.True(g == layer.Mapping.G0 || g == layer.Mapping.G1, $"G = {g}"));
        Assert.Equal(Format(ratio), Value(bound.DebugView(), "OnOffRatio"));
    }

    [Fact]
    public void An_mtj_binary_layer_runs_at_the_devices_own_ratio_not_at_infinity()
    {
        var bound = ExperimentBinder.Bind(Spec(Hardware.Binary(device: "mtj"), hidden: 8), Catalog, 12, 4);
        Assert.Equal(2.5, bound.Layers[0].Positive.OnOffRatio);   // 1 + TMR, TMR = 1.5 by default
        Assert.Equal(ValueSource.Device, bound.Layers[0].SourceOf(LayerValue.OnOffRatio).Source);
        Assert.Equal(1 / 2.5, bound.Layers[0].BinaryMapping!.G0, 12);
        Assert.Contains("[device 'mtj']", Line(bound.DebugView(), "OnOffRatio"));
        // The spec itself still says what the script said.
        Assert.Equal(double.PositiveInfinity, bound.Spec.Layers[0].Positive.OnOffRatio);
    }

    [Fact]
    public void A_ratio_the_script_sets_wins_over_the_devices_and_keeps_its_line()
    {
        var spec = Spec(Hardware.DifferentialPair().Device("rram").WeightBits(3).OnOffRatio(4)); var line = LineNumber();
        var bound = ExperimentBinder.Bind(spec, Catalog, 12, 4);
        Assert.Equal(4, bound.Layers[0].Positive.OnOffRatio);
        Assert.Equal(line, bound.Layers[0].SourceOf(LayerValue.OnOffRatio).Line);
        Assert.Contains($"[BoundModelTests.cs:{line}]", Line(bound.DebugView(), "OnOffRatio"));
    }

    [Fact]
    public void The_unbound_view_says_a_plugin_device_may_set_its_ratio()
    {
        var spec = Spec(Hardware.DifferentialPair().Device("rram").WeightBits(3));
        Assert.Contains("∞ unless the device has its own", Line(spec.DebugView(), "OnOffRatio"));
        Assert.Equal("10", Value(ExperimentBinder.Bind(spec, Catalog, 12, 4).DebugView(), "OnOffRatio"));
    }

    [Fact]
    public void Device_parameters_show_their_provenance_default_preset_or_line()
    {
        var spec = Spec(Hardware.DifferentialPair().Device("pcm", "nandakumar2019").WeightBits(4).DeviceParameter("drift_scale", 2)); var line = LineNumber();
        var view = ExperimentBinder.Bind(spec, Catalog, 12, 4).DebugView();
        Assert.Contains($"[BoundModelTests.cs:{line}]", Line(view, "drift_scale"));
        Assert.Equal("2", Value(view, "drift_scale"));
        Assert.Contains("pcm/nandakumar2019", view);
    }

    [Fact]
    public void A_misspelled_provenance_path_is_an_error_not_a_default()
    {
        var spec = Spec(Hardware.DifferentialPair());
        var e = Assert.Throws<KeyNotFoundException>(() => spec.SourceOf("Layers[0].Positive.OnOfRatio"));
        Assert.Contains("Layers[0].Positive.OnOffRatio", e.Message);
    }

    [Fact]
    public void Output_width_against_the_data_is_checked_when_binding()
    {
        var spec = Spec(Hardware.DifferentialPair());
        var e = Assert.Single(Assert.Throws<SpecException>(() => ExperimentBinder.Bind(spec, Catalog, 12, 5)).Errors);
        Assert.Equal(RuleCodes.OutputUnits, e.Code);
        Assert.EndsWith("BoundModelTests.cs", e.File);
    }

    private static BoundLayer b0(BoundExperiment b) => b.Layers[0];

    private static string Format(double v) => double.IsPositiveInfinity(v) ? "∞" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Line(string view, string label) => view.Split('\n').First(l => l.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));

    /// <summary>The value column of the first line labelled <paramref name="label"/>.</summary>
    private static string Value(string view, string label) => Words().Match(Line(view, label).Trim()[label.Length..]).Groups[1].Value;

    [GeneratedRegex(@"^\s+(\S+)")]
    private static partial Regex Words();

    private static int LineNumber([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
