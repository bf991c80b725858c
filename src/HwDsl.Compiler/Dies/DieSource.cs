namespace HwDsl.Compiler;

/// <summary>Where the dies of a population come from, for a compiled network's binary arrays.</summary>
public static class DieSource
{
    /// <summary>Die <paramref name="index"/> of <paramref name="population"/> for a network of <paramref name="shapes"/>: sampled from
    /// <paramref name="layers"/>' statistics, or read from its file.</summary>
    public static DieMap Die(DiePopulation population, IReadOnlyList<LayerHardware> layers, IReadOnlyList<ArrayShape> shapes, int index) =>
        population.Files is { } files
            ? DieMapFile.Load(files[index], shapes)
            : DieSampler.Sample(layers, shapes, (ulong)population.Seed, DieSampler.Evaluation, index);

    /// <summary>The device-array shapes of <paramref name="network"/>'s binary layers.</summary>
    public static IReadOnlyList<ArrayShape> Shapes(CompiledNetwork network) => [.. network.BinaryLayers.Select(l => l.Shape)];
}
