using System.Runtime.CompilerServices;
using HwDsl;

namespace HwDsl.Dsl.Tests;

internal static class Support
{
    /// <summary>The line this is called on: put it on the same line as the offending call.</summary>
    internal static int Here([CallerLineNumber] int line = 0) => line;

    internal static ExperimentBuilder Mlp(HardwareBuilder hw, Action<LayerSelector>? layers = null) =>
        Experiment.Named("t").Data(Datasets.Mnist)
            .Network(n => n.Dense(32).ClippedRelu().Dense(32).ClippedRelu().Dense(10))
            .On(hw, layers);

    internal static SpecError Fails(ExperimentBuilder exp, string code)
    {
        var ex = Assert.Throws<SpecException>(() => exp.Build());
        var matching = ex.Errors.Where(e => e.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{ex.Message}");
        return matching[0];
    }

    internal static void AssertAt(SpecError e, int line)
    {
        Assert.Equal(line, e.Line);
        Assert.EndsWith(".cs", e.File);
        Assert.StartsWith($"{e.File}({line}): error {e.Code}: ", e.ToString());
    }
}
