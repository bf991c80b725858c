using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

public sealed class WithAndEqualityTests
{
    [Fact]
    public void Experiment_With_training_does_not_mutate_the_original()
    {
        var exp = SketchTests.Sketch();
        var before = exp.Build();
        var naive = exp.With(t => t.NaiveMapping().Epochs(3));
        Assert.Equal(before, exp.Build());
        Assert.Equal(TrainingMode.HardwareAware, exp.Build().Training.Mode);
        var v = naive.Build();
        Assert.Equal((TrainingMode.NaiveMapping, 3, null), (v.Training.Mode, v.Training.Epochs, v.Training.Relaxation));
        Assert.Equal(before.Layers, v.Layers);
    }

    [Fact]
    public void Experiment_With_hardware_keeps_overrides_and_leaves_the_original()
    {
        var hw = Hardware.DifferentialPair().WeightBits(4);
        var exp = Mlp(hw, l => l.First.Digital());
        var two = exp.With(hw.With(h => h.WeightBits(2))).Build();
        Assert.Equal([LayerHardware.FloatBits, 2, 2], two.Layers.Select(l => l.WeightBits));
        Assert.Equal([LayerHardware.FloatBits, 4, 4], exp.Build().Layers.Select(l => l.WeightBits));
        var noOverrides = exp.With(hw, l => { }).Build();
        Assert.False(noOverrides.Layers[0].Digital);
    }

    [Fact]
    public void Hardware_With_and_Sweep_copy()
    {
        var hw = Hardware.DifferentialPair().WeightBits(4);
        var sweep = hw.Sweep([1, 2, 8], (h, b) => h.WeightBits(b));
        Assert.Equal([1, 2, 8], sweep.Select(h => Mlp(h).Build().Layers[0].WeightBits));
        Assert.Equal(4, Mlp(hw).Build().Layers[0].WeightBits);
    }

    [Fact]
    public void On_takes_a_copy_so_later_changes_to_the_hardware_do_not_leak()
    {
        var hw = Hardware.DifferentialPair().WeightBits(4);
        var exp = Mlp(hw);
        hw.WeightBits(2);
        Assert.Equal(4, exp.Build().Layers[0].WeightBits);
    }

    [Fact]
    public void Seed_and_name_variants()
    {
        var exp = SketchTests.Sketch();
        Assert.Equal(3, exp.WithSeed(3).Build().Seed);
        Assert.Equal("other", exp.WithName("other").Build().Name);
        Assert.Equal(7, exp.Build().Seed);
        Assert.Equal("rram-4bit", exp.Build().Name);
    }

    [Fact]
    public void Specs_from_equal_builders_are_equal_even_from_different_lines()
    {
        var a = SketchTests.Sketch().Build();
        var b = SketchTests.Sketch().Build();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        var c = Experiment.Named("m").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(Hardware.DifferentialPair().WeightBits(3)).Build();
        var d = Experiment.Named("m").Data(Datasets.Mnist)
            .Network(n => n.Dense(10))
            .On(Hardware.DifferentialPair()
                .WeightBits(3)).Build();
        Assert.Equal(c, d);
        Assert.NotEqual(c.SourceOf("Layers[0].WeightBits"), d.SourceOf("Layers[0].WeightBits"));
        Assert.Equal(c.Network, d.Network);
        Assert.Equal(c.Network.GetHashCode(), d.Network.GetHashCode());
        Assert.NotEqual(a, SketchTests.Sketch().WithSeed(8).Build());
    }

    [Fact]
    public void Specs_are_immutable_records()
    {
        var spec = SketchTests.Sketch().Build();
        var changed = spec with { Seed = 1 };
        Assert.Equal(7, spec.Seed);
        Assert.NotEqual(spec, changed);
        Assert.False(spec.Layers is ICollection<LayerHardware> { IsReadOnly: false });
        Assert.False(spec.Network.Layers is ICollection<LayerSpec> { IsReadOnly: false });
        foreach (var type in typeof(ExperimentSpec).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Spec") || t == typeof(LayerHardware) || t == typeof(DatasetRef)))
            foreach (var prop in type.GetProperties())
                Assert.True(prop.SetMethod is null || prop.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"),
                    $"{type.Name}.{prop.Name} has a mutable setter");
    }
}
