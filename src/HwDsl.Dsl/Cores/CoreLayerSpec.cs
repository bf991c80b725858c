namespace HwDsl;

/// <summary>One layer of identical cores. Each core takes <paramref name="FanIn"/> consecutive sources of the layer below
/// (input windows for the first layer, cores otherwise) on its axons, in order.</summary>
/// <param name="Cores">Number of cores in the layer.</param>
/// <param name="Neurons">Neurons per core, 1..256.</param>
/// <param name="FanIn">Sources per core, ≥ 1.</param>
/// <param name="Axons">Axons per core (the sources' outputs), 1..256.</param>
public sealed record CoreLayerSpec(int Cores, int Neurons, int FanIn, int Axons)
{
    /// <summary>Neurons of the whole layer.</summary>
    public int TotalNeurons => Cores * Neurons;

    /// <inheritdoc />
    public override string ToString() => $"{Cores} core(s) × {Axons} axons × {Neurons} neurons (fan-in {FanIn})";
}
