namespace HwDsl;

/// <summary>Everything an experiment's builders have recorded; shared by the staged builder types.</summary>
internal sealed class ExperimentState
{
    internal Setting<string> Name { get; set; }

    internal Setting<int> Seed { get; set; } = new(0, Provenance.Default);

    internal Setting<DatasetRef> Data { get; set; }

    internal NetworkBuilder? Network { get; set; }

    internal Provenance NetworkWhere { get; set; } = Provenance.Default;

    internal HardwareBuilder? Hardware { get; set; }

    internal Provenance HardwareWhere { get; set; } = Provenance.Default;

    internal List<LayerOverride> Overrides { get; set; } = [];

    internal TrainingBuilder Training { get; set; } = new();

    internal EvaluationBuilder Evaluation { get; set; } = new();

    internal ExperimentState Clone() => new()
    {
        Name = Name,
        Seed = Seed,
        Data = Data,
        Network = Network?.Clone(),
        NetworkWhere = NetworkWhere,
        Hardware = Hardware?.Clone(),
        HardwareWhere = HardwareWhere,
        Overrides = [.. Overrides.Select(o => o.Clone())],
        Training = Training.Clone(),
        Evaluation = Evaluation.Clone(),
    };
}
