using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// A core experiment: data, network of cores, training and ensemble sizes. Calls mutate and return this builder;
/// the <c>With</c> methods return modified copies. <see cref="Build"/> checks everything (HW06xx) and freezes it.
/// </summary>
public sealed class CoreExperimentBuilder
{
    private Setting<string> _name;
    private Setting<int> _seed = new(0, Provenance.Default);
    private Setting<DatasetRef?> _data = new(null, Provenance.Default);
    private Setting<EquatableList<int>> _ensembles = new(new EquatableList<int>([1]), Provenance.Default);
    private CoreNetworkBuilder? _network;
    private Provenance _networkWhere = Provenance.Default;
    private CoreTrainingBuilder _training = new();

    internal CoreExperimentBuilder(string name, Provenance where) => _name = new Setting<string>(name, where);

    /// <summary>Seed of the first network (weights, batches, sampled crossbars, input spikes). Default 0.</summary>
    /// <param name="seed">Seed.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreExperimentBuilder Seed(int seed, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _seed = new Setting<int>(seed, Provenance.Explicit(file, line));
        return this;
    }

    /// <summary>The data set, e.g. <see cref="Datasets.Mnist"/> (required, HW0610).</summary>
    /// <param name="data">Data set.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreExperimentBuilder Data(DatasetRef data, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = new Setting<DatasetRef?>(data, Provenance.Explicit(file, line));
        return this;
    }

    /// <summary>The cores and their wiring (required, HW0610); a second call replaces the first.</summary>
    /// <param name="network">Describes the network.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreExperimentBuilder Network(Action<CoreNetworkBuilder> network, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = new CoreNetworkBuilder();
        _networkWhere = Provenance.Explicit(file, line);
        network(_network);
        return this;
    }

    /// <summary>Training settings; repeated calls add up.</summary>
    /// <param name="training">Describes training.</param>
    public CoreExperimentBuilder Train(Action<CoreTrainingBuilder> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        training(_training);
        return this;
    }

    /// <summary>Ensemble sizes to evaluate, each ≥ 1 (HW0613); e.g. <c>Ensembles(1, 2, 4, 8, 16, 64)</c>. Default 1.</summary>
    /// <param name="sizes">The sizes (sorted and de-duplicated by Build).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreExperimentBuilder Ensembles(int[] sizes, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        _ensembles = new Setting<EquatableList<int>>(new EquatableList<int>(sizes), Provenance.Explicit(file, line));
        return this;
    }

    /// <summary>A copy with changed training (e.g. the other method); this builder is unchanged.</summary>
    /// <param name="training">The changes.</param>
    public CoreExperimentBuilder With(Action<CoreTrainingBuilder> training) => Copy().Train(training);

    /// <summary>A copy with another name; this builder is unchanged.</summary>
    /// <param name="name">Experiment name.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreExperimentBuilder WithName(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var copy = Copy();
        copy._name = new Setting<string>(name, Provenance.Explicit(file, line));
        return copy;
    }

    /// <summary>Validates everything recorded and freezes it; throws <see cref="SpecException"/> listing every error.</summary>
    /// <exception cref="SpecException">The spec is invalid.</exception>
    public CoreExperimentSpec Build()
    {
        var errors = new Errors();
        var provenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        var name = _name.Value ?? "";
        provenance["Name"] = _name.Where;
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(RuleCodes.Name, "Name", name, $"Experiment name must be non-empty; got {Format.Value(name)}.", _name.Where);
        provenance["Seed"] = _seed.Where;
        provenance["Data"] = _data.Where;
        var data = _data.Value;
        if (data is null)
            errors.Add(RuleCodes.CoreMissing, "Data", null, "A core experiment needs a data set: call .Data(Datasets.Mnist).", _name.Where);
        if (_network is null)
            errors.Add(RuleCodes.CoreMissing, "Network", null, "A core experiment needs a network: call .Network(n => n.Windows(16, 12).Layer(64)...).", _name.Where);
        provenance["Network"] = _networkWhere;
        var network = _network is null ? null : CoreRules.CheckNetwork(_network, data, errors, provenance);
        var training = CoreRules.CheckTraining(_training.Settings, errors, provenance);
        var ensembles = CoreRules.CheckEnsembles(_ensembles, errors, provenance);
        if (errors.Any) throw new SpecException(errors.Distinct());
        return new CoreExperimentSpec(name, _seed.Value, data!, network!, training, ensembles) { Provenance = provenance.AsReadOnly() };
    }

    /// <summary>Like <see cref="Build"/>, but returns the errors instead of throwing.</summary>
    /// <param name="errors">Every error found; empty on success.</param>
    /// <returns>The spec, or null when invalid.</returns>
    public CoreExperimentSpec? TryBuild(out IReadOnlyList<SpecError> errors) => HwDsl.TryBuild.Run(Build, out errors);

    private CoreExperimentBuilder Copy() => new(_name.Value ?? "", _name.Where)
    {
        _seed = _seed,
        _data = _data,
        _ensembles = _ensembles,
        _network = _network?.Clone(),
        _networkWhere = _networkWhere,
        _training = _training.Clone(),
    };
}
