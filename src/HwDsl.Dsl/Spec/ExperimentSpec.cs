namespace HwDsl;

/// <summary>
/// A frozen, validated experiment: what the compiler consumes. Built by <see cref="ExperimentBuilder.Build"/>.
/// Two specs are equal when they describe the same experiment; <see cref="Provenance"/> (where values were set)
/// does not take part in equality.
/// </summary>
/// <param name="Name">Experiment name, non-empty.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Data">The data set.</param>
/// <param name="Network">The network.</param>
/// <param name="Layers">One resolved hardware entry per weight layer (Dense or Conv2d), in order.</param>
/// <param name="Training">Training settings.</param>
/// <param name="Evaluation">Evaluation settings.</param>
public sealed record ExperimentSpec(
    string Name, int Seed, DatasetRef Data, NetworkSpec Network, IReadOnlyList<LayerHardware> Layers,
    TrainingSpec Training, EvaluationSpec Evaluation)
{
    /// <summary>
    /// Where each value came from, keyed by its path in the spec: <c>Name</c>, <c>Seed</c>, <c>Data</c>, <c>Network</c>,
    /// <c>Layers[i].WeightBits</c>, <c>Layers[i].Positive.OnOffRatio</c>, <c>Layers[i].Negative.Scale</c>, …,
    /// <c>Training.LearningRate</c>, …, <c>Evaluation.Samples</c>.
    /// </summary>
    public IReadOnlyDictionary<string, Provenance> Provenance { get; init; } = new Dictionary<string, Provenance>();

    /// <summary>The cost model's technology and tile schedule (energy, latency and area per inference).</summary>
    public CostSpec Cost { get; init; } = CostSpec.Default;

    /// <summary>Where the value at <paramref name="path"/> came from; a path the spec does not hold is an error that lists
    /// the paths it holds (never a silent default).</summary>
    /// <param name="path">A key of <see cref="Provenance"/>, e.g. <c>Layers[1].WeightBits</c>.</param>
    /// <exception cref="KeyNotFoundException"><paramref name="path"/> names no value of this spec.</exception>
    public Provenance SourceOf(string path) =>
        Provenance.TryGetValue(path, out var p) ? p
        : throw new KeyNotFoundException($"the spec holds no value at '{path}'; it holds: {string.Join(", ", Provenance.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Where layer <paramref name="layer"/>'s <paramref name="value"/> came from.</summary>
    /// <param name="layer">0-based weight-layer index (<see cref="LayerHardware.Index"/>).</param>
    /// <param name="value">The value.</param>
    public Provenance SourceOf(int layer, LayerValue value) => SourceOf(LayerValues.Path(layer, value));

    /// <summary>Where device parameter <paramref name="name"/> of layer <paramref name="layer"/> was set (as the script spelled it).</summary>
    /// <param name="layer">0-based weight-layer index.</param>
    /// <param name="name">The parameter's name, as in <see cref="DeviceChoice.Parameters"/>.</param>
    public Provenance SourceOfDeviceParameter(int layer, string name) => SourceOf($"Layers[{layer}].{HwKey.ParameterPrefix}{name}");

    /// <summary>A copy in which each listed layer value comes from the given provenance (binding records the device's own
    /// values this way, so the resolved spec says where every value came from).</summary>
    /// <param name="sources">Layer, value and its new provenance.</param>
    public ExperimentSpec WithSources(IEnumerable<(int Layer, LayerValue Value, Provenance Where)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var provenance = new Dictionary<string, Provenance>(Provenance, StringComparer.Ordinal);
        foreach (var (layer, value, where) in sources) provenance[LayerValues.Path(layer, value)] = where;
        return this with { Provenance = provenance.AsReadOnly() };
    }

    /// <summary>Where item <paramref name="item"/> of the network (<see cref="NetworkSpec.Layers"/>, 0-based) was declared.</summary>
    /// <param name="item">0-based index into the network's items (layers and activations).</param>
    public Provenance SourceOfNetworkItem(int item) => SourceOf($"Network.Layers[{item}]");

    /// <summary>A readable multi-line view of the whole spec, each value with its provenance marker.</summary>
    public string DebugView() => DebugViewWriter.Write(this);

    /// <inheritdoc />
    public bool Equals(ExperimentSpec? other) =>
        other is not null && Name == other.Name && Seed == other.Seed && Data == other.Data && Network == other.Network
        && Layers.SequenceEqual(other.Layers) && Training == other.Training && Evaluation == other.Evaluation && Cost == other.Cost;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Name); h.Add(Seed); h.Add(Data); h.Add(Network); h.Add(Training); h.Add(Evaluation); h.Add(Cost);
        foreach (var l in Layers) h.Add(l);
        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => DebugView();
}
