using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>Wires the spec's die-aware training into a compiled layer list: one die's fixed map, or a die resampler in front.</summary>
internal static class DieTrainingSetup
{
    internal static void Apply(ExperimentSpec spec, List<ILayer<float>> layers)
    {
        var binary = layers.OfType<BinaryDenseLayer>().ToList();
        var mode = spec.Training.Dies;
        if (binary.Count == 0 || spec.Training.Mode != TrainingMode.HardwareAware) return;
        switch (mode.Kind)
        {
            case DieTrainingKind.PerDie when spec.Evaluation.Dies is { } population:
                var die = DieSource.Die(population, spec.Layers, [.. binary.Select(b => b.Shape)], mode.Die);
                foreach (var layer in binary) layer.SetTrainingDie(die.For(layer.Hardware.Index));
                break;
            case DieTrainingKind.StatisticsAware:
                layers.Insert(0, new DieResampler(binary, (ulong)spec.Seed, mode.EveryBatches));
                break;
        }
    }
}
