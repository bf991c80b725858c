using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

public sealed class OverrideTests
{
    private static readonly HardwareBuilder Hw = Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10).ProgrammingNoise(0.02);

    [Fact]
    public void First_Last_and_index_resolve_to_the_right_layers()
    {
        var spec = Mlp(Hw, l => { l.First.WeightBits(8); l.Last.WeightBits(6); l[1].ReadNoise(0.01); }).Build();
        Assert.Equal([8, 4, 6], spec.Layers.Select(x => x.WeightBits));
        Assert.Equal([0, 0.01, 0], spec.Layers.Select(x => x.ReadSigma));
        Assert.All(spec.Layers, x => Assert.Equal(10, x.Positive.OnOffRatio));
        Assert.Equal([0, 1, 2], spec.Layers.Select(x => x.Index));
    }

    [Fact]
    public void Later_overrides_win_and_index_and_First_are_the_same_layer()
    {
        var spec = Mlp(Hw, l => { l.First.WeightBits(8); l[0].WeightBits(2); }).Build();
        Assert.Equal(2, spec.Layers[0].WeightBits);
    }

    [Fact]
    public void Single_layer_network_has_First_equal_Last()
    {
        var spec = Experiment.Named("x").Data(Datasets.Mnist).Network(n => n.Dense(10))
            .On(Hw, l => { l.First.WeightBits(3); l.Last.OnOffRatio(100); }).Build();
        Assert.Equal((3, 100.0), (spec.Layers[0].WeightBits, spec.Layers[0].Positive.OnOffRatio));
    }

    [Fact]
    public void A_layer_can_be_analog_on_digital_hardware()
    {
        var spec = Mlp(Hardware.Digital(), l => l[1].Analog().WeightBits(2)).Build();
        Assert.Equal([true, false, true], spec.Layers.Select(x => x.Digital));
        Assert.Equal(2, spec.Layers[1].WeightBits);
        Assert.Equal(TrainingMode.HardwareAware, spec.Training.Mode);
    }

    [Fact]
    public void Per_layer_mapping_and_negative_element()
    {
        var spec = Mlp(Hw.With(h => h.Asymmetry(0.1)), l => { l[0].Mapping(WeightMapping.SingleWithReference).Asymmetry(0); l.Last.NegativeElement(e => e.OnOffRatio(5)); }).Build();
        Assert.Equal(WeightMapping.SingleWithReference, spec.Layers[0].Mapping);
        Assert.Equal(1.1, spec.Layers[1].Negative.Scale, 12);
        Assert.Equal(new ElementSpec(5, 0, 1.1), spec.Layers[2].Negative);
    }

    [Fact]
    public void Override_on_single_element_layer_inheriting_asymmetry_is_refused()
    {
        var hw = Hw.With(h => h.Asymmetry(0.1)); int line = Here();
        var e = Fails(Mlp(hw, l => l[0].Mapping(WeightMapping.SingleWithReference)), "HW0131");
        Assert.Equal(line, e.Line);
    }
}
