using HwDsl;

namespace HwDsl.Dsl.Tests;

public sealed class DebugViewTests
{
    [Fact]
    public void Debug_view_shows_every_value_with_provenance()
    {
        var spec = SketchTests.Sketch().Build();
        var view = spec.DebugView();
        foreach (var text in new[]
        {
            "Experiment \"rram-4bit\"", "Seed", "7", "mnist (784 inputs, 10 classes)",
            "Dense(256) ClippedRelu Dense(256) ClippedRelu Dense(10)",
            "Layer 0 Dense(256)", "digital", "Layer 1 Dense(256)", "analog, DifferentialPair", "Layer 2 Dense(10)",
            "Device            nvm", "WeightBits", "InputBits", "ActivationBits", "OnOffRatio", "NonLinearity", "G- OnOffRatio",
            "G- NonLinearity", "Asymmetry", "0.1 (G- scale 1.1)", "WeightRange", "MaxAbs", "ProgrammingNoise", "0.02",
            "ReadNoise", "0.01", "HardwareAware", "Sigmoid(beta 2 -> 50)", "Adam", "0.001", "Epochs", "10", "Batch", "100",
            "Cosine", "deployed (hard)", "Samples", "5", "[SketchTests.cs:", "[default]",
        })
            Assert.True(view.Contains(text), $"missing {text} in\n{view}");

        var lines = view.Split('\n');
        Assert.Contains(lines, l => l.Contains("ActivationBits") && l.Contains("float") && l.Contains("[default]"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("WeightBits") && l.Contains(" 4 ") && l.Contains("[SketchTests.cs:"));
        Assert.Equal(view, spec.ToString());
    }

    [Fact]
    public void Debug_view_marks_preset_values()
    {
        var view = Support.Mlp(Hardware.DifferentialPair(preset: "ideal")).Build().DebugView();
        Assert.Contains("[preset 'ideal']", view);
        Assert.Contains("∞", view);
    }
}
