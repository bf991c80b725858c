using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

public sealed class ProvenanceTests
{
    [Fact]
    public void Explicit_values_carry_file_and_line_and_unset_ones_are_default()
    {
        var hw = Hardware.DifferentialPair().WeightBits(4); int line = Here();
        var spec = Mlp(hw).Build();
        var p = spec.SourceOf("Layers[1].WeightBits");
        Assert.Equal(ValueSource.Explicit, p.Source);
        Assert.Equal(line, p.Line);
        Assert.EndsWith("ProvenanceTests.cs", p.File);
        Assert.Equal($"ProvenanceTests.cs:{line}", p.ToString());

        Assert.Equal(Provenance.Default, spec.SourceOf("Layers[1].Positive.OnOffRatio"));
        Assert.Equal(Provenance.Default, spec.SourceOf("Training.Epochs"));
        Assert.Equal(Provenance.Default, spec.SourceOf("Seed"));
        Assert.Equal(Provenance.Default, spec.SourceOf("Evaluation.Samples"));
        Assert.Equal(ValueSource.Explicit, spec.SourceOf("Name").Source);
        Assert.Equal(ValueSource.Explicit, spec.SourceOf("Network").Source);
    }

    [Fact]
    public void Training_values_record_the_line_of_their_call()
    {
        var exp = Mlp(Hardware.DifferentialPair()).Train(t => t.Epochs(3)); int line = Here();
        var spec = exp.Build();
        Assert.Equal(line, spec.SourceOf("Training.Epochs").Line);
        Assert.Equal(ValueSource.Default, spec.SourceOf("Training.LearningRate").Source);
    }

    [Fact]
    public void Preset_values_are_marked_with_the_preset_name_and_explicit_values_win_in_any_order()
    {
        var hw = Hardware.DifferentialPair().OnOffRatio(10).Preset("ideal"); int line = Here();
        var spec = Mlp(hw).Build();
        var l = spec.Layers[0];
        Assert.Equal(10, l.Positive.OnOffRatio); // explicit wins although the preset came later
        Assert.Equal(ValueSource.Explicit, spec.SourceOf("Layers[0].Positive.OnOffRatio").Source);
        var nu = spec.SourceOf("Layers[0].Positive.NonLinearity");
        Assert.Equal(ValueSource.Preset, nu.Source);
        Assert.Equal("ideal", nu.Preset);
        Assert.Equal(line, nu.Line);
        Assert.Equal("preset 'ideal'", nu.ToString());
    }

    [Fact]
    public void Explicit_value_after_a_preset_overrides_it()
    {
        var spec = Mlp(Hardware.DifferentialPair(preset: "ideal").ReadNoise(0.03)).Build();
        Assert.Equal(0.03, spec.Layers[0].ReadSigma);
        Assert.Equal(ValueSource.Explicit, spec.SourceOf("Layers[0].ReadSigma").Source);
        Assert.Equal(ValueSource.Preset, spec.SourceOf("Layers[0].ProgrammingSigma").Source);
    }

    [Fact]
    public void Registered_presets_carry_their_citation()
    {
        var preset = new HardwarePreset("test-rram", "Made-up values for a unit test",
            h => h.WeightBits(3).OnOffRatio(12).Asymmetry(0.2));
        HardwarePresets.Register(preset);
        Assert.Same(preset, HardwarePresets.Find("TEST-RRAM"));
        Assert.Contains("test-rram", HardwarePresets.Names);

        var spec = Mlp(Hardware.DifferentialPair(preset: "test-rram")).Build();
        Assert.Equal((3, 12.0, 1.2), (spec.Layers[0].WeightBits, spec.Layers[0].Positive.OnOffRatio, spec.Layers[0].Negative.Scale));
        Assert.Equal("test-rram", spec.SourceOf("Layers[0].Negative.Scale").Preset);

        var direct = Mlp(Hardware.SingleElement().Preset(HardwarePresets.Ideal)).Build();
        Assert.Equal(ElementSpec.Ideal, direct.Layers[0].Positive);
    }

    [Fact]
    public void Errors_in_a_preset_point_at_where_the_preset_was_applied()
    {
        HardwarePresets.Register(new HardwarePreset("test-bad", "broken on purpose", h => h.OnOffRatio(0.5)));
        var hw = Hardware.DifferentialPair().Preset("test-bad"); int line = Here();
        var e = Fails(Mlp(hw), "HW0102");
        Assert.Equal(line, e.Line);
        Assert.Equal("test-bad", e.Where.Preset);
    }

    [Fact]
    public void Digital_layers_take_the_provenance_of_Digital()
    {
        var exp = Mlp(Hardware.DifferentialPair().WeightBits(4), l => l.First.Digital()); int line = Here();
        var spec = exp.Build();
        Assert.Equal(line, spec.SourceOf("Layers[0].WeightBits").Line);
        Assert.Equal(line, spec.SourceOf("Layers[0].Digital").Line);
    }
}
