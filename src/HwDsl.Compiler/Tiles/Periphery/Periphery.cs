namespace HwDsl.Compiler;

/// <summary>Builds an analog layer's periphery pipeline from its bound values, in pipeline order.</summary>
internal static class Periphery
{
    /// <summary>The array of <paramref name="layer"/>: the input DAC when it is the network's first layer and declares
    /// InputBits (a hidden layer's input is the previous layer's quantized activation), then the output stages.</summary>
    internal static AnalogArray Array(BoundLayer layer, bool first)
    {
        var inputs = new List<IInputStage>();
        if (first && layer.Hardware.InputBits is { } bits) inputs.Add(new InputDac(bits, 1f));
        var outputs = layer.Hardware.Periphery.Where(s => !s.IsIdentity).Select(Stage).ToList();
        return new AnalogArray(layer, inputs, outputs);
    }

    /// <summary>The stage that computes <paramref name="spec"/>: one line per kind of stage.</summary>
    private static IOutputStage Stage(PeripheryStageSpec spec) => spec switch
    {
        ColumnGainError g => new ColumnGainStage(g),
        _ => throw new NotSupportedException($"periphery stage {spec.Name} has no implementation in this compiler version."),
    };
}
