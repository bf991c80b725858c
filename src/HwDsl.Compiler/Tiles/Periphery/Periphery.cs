namespace HwDsl.Compiler;

/// <summary>Builds an analog layer's periphery pipeline from its bound values, in pipeline order.</summary>
internal static class Periphery
{
    /// <summary>
    /// The array of <paramref name="layer"/>: its input stage (the DAC and its range: a fixed range on the network's first
    /// layer when it declares InputBits — a hidden layer's input is the previous layer's quantized activation —, a dynamic
    /// or learned range on every layer that sets one), its array stages (IR drop) and its output stages, and global drift
    /// compensation last when the evaluation asks for it.
    /// </summary>
    internal static AnalogArray Array(BoundLayer layer, PeripheryOptions options)
    {
        var hardware = layer.Hardware;
        var stages = hardware.Periphery.Where(s => !s.IsIdentity).ToList();
        var range = stages.OfType<InputRange>().FirstOrDefault();
        var inputs = new List<IInputStage>();
        switch (range)
        {
            case DynamicInputRange:
                inputs.Add(new DynamicInputDac(hardware.InputBits, options.SignedInput, layer.Tiles));
                break;
            case LearnedInputRange learned:
                inputs.Add(new LearnedInputDac(hardware.InputBits, options.SignedInput, learned.Initial));
                break;
            default:
                if (options.First && hardware.InputBits is { } bits)
                    inputs.Add(new InputDac(bits, range is FixedInputRange f ? (float)f.Bound : 1f));
                break;
        }
        var array = stages.Where(s => s.Place == StagePlace.Array).Select(ArrayStage).ToList();
        var outputs = Outputs(stages.Where(s => s.Place == StagePlace.Output).ToList(), layer, options);
        if (options.DriftCompensation && !hardware.Binary) outputs.Add(new DriftCompensationStage());
        return new AnalogArray(layer, inputs, array, outputs);
    }

    // The output stages in pipeline order; read and output noise next to each other are one stage (their sum is one
    // Gaussian, drawn once).
    private static List<IOutputStage> Outputs(List<PeripheryStageSpec> specs, BoundLayer layer, PeripheryOptions options)
    {
        var stages = new List<IOutputStage>();
        for (var i = 0; i < specs.Count; i++)
        {
            if (specs[i] is not (OutputNoise or ReadNoisePerMvm))
            {
                stages.Add(Stage(specs[i], options));
                continue;
            }
            var next = i + 1 < specs.Count && specs[i + 1] is (OutputNoise or ReadNoisePerMvm) && specs[i + 1].GetType() != specs[i].GetType() ? specs[i + 1] : null;
            var pair = new[] { specs[i], next };
            stages.Add(new PerMvmNoiseStage(pair.OfType<OutputNoise>().FirstOrDefault(), pair.OfType<ReadNoisePerMvm>().FirstOrDefault(),
                options.NoiseAware, options.Seed, layer.Index, layer.Hardware.Mapping == WeightMapping.DifferentialPair ? Math.Sqrt(2) : 2));
            if (next is not null) i++;
        }
        return stages;
    }

    /// <summary>The stage that computes <paramref name="spec"/>: one line per kind of stage.</summary>
    private static IOutputStage Stage(PeripheryStageSpec spec, PeripheryOptions options) => spec switch
    {
        ColumnGainError g => new ColumnGainStage(g),
        Adc a => new AdcStage(a, options.HardwareAware),
        _ => throw new NotSupportedException($"periphery stage {spec.Name} has no implementation in this compiler version."),
    };

    /// <summary>The array stage that computes <paramref name="spec"/>.</summary>
    private static IArrayStage ArrayStage(PeripheryStageSpec spec) => spec switch
    {
        IrDrop d => new IrDropStage(d),
        _ => throw new NotSupportedException($"array stage {spec.Name} has no implementation in this compiler version."),
    };
}
