namespace HwDsl;

/// <summary>
/// A frozen, validated core experiment (built by <see cref="CoreExperimentBuilder.Build"/>): what the core compiler
/// trains, deploys and evaluates. <see cref="Provenance"/> does not take part in equality.
/// </summary>
/// <param name="Name">Experiment name, non-empty.</param>
/// <param name="Seed">Seed of the first network (member m of an ensemble of trained networks uses Seed + m).</param>
/// <param name="Data">The data set.</param>
/// <param name="Network">The cores and their wiring.</param>
/// <param name="Training">How the crossbars are trained.</param>
/// <param name="Ensembles">Ensemble sizes to evaluate, ascending, each ≥ 1; class spike counts are summed over members.</param>
public sealed record CoreExperimentSpec(
    string Name, int Seed, DatasetRef Data, CoreNetworkSpec Network, CoreTrainingSpec Training, IReadOnlyList<int> Ensembles)
{
    /// <summary>Where each value came from, keyed by path: <c>Name</c>, <c>Seed</c>, <c>Network.Windows</c>,
    /// <c>Network.Layers[i]</c>, <c>Network.Threshold</c>, <c>Training.Method</c>, <c>Ensembles</c>, ….</summary>
    public IReadOnlyDictionary<string, Provenance> Provenance { get; init; } = new Dictionary<string, Provenance>();

    /// <summary>Where the value at <paramref name="path"/> came from (<see cref="HwDsl.Provenance.Default"/> when unknown).</summary>
    /// <param name="path">A key of <see cref="Provenance"/>.</param>
    public Provenance SourceOf(string path) => Provenance.TryGetValue(path, out var p) ? p : HwDsl.Provenance.Default;

    /// <summary>The number of networks to deploy: the largest ensemble.</summary>
    public int Members => Ensembles.Count == 0 ? 1 : Ensembles.Max();

    /// <summary>A readable multi-line view of the whole spec, each value with its provenance marker.</summary>
    public string DebugView() => CoreDebugViewWriter.Write(this);

    /// <inheritdoc />
    public bool Equals(CoreExperimentSpec? other) =>
        other is not null && Name == other.Name && Seed == other.Seed && Data == other.Data && Network == other.Network
        && Training == other.Training && Ensembles.SequenceEqual(other.Ensembles);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Seed, Data, Network, Training, Ensembles.Count);

    /// <inheritdoc />
    public override string ToString() => DebugView();
}
