namespace HwDsl;

/// <summary>Validates an experiment's recorded state and freezes it into an <see cref="ExperimentSpec"/>.</summary>
internal static class SpecFreezer
{
    internal static ExperimentSpec Freeze(ExperimentState state)
    {
        var errors = new Errors();
        var provenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);

        // Experiment (HW0404, HW0405).
        string name = state.Name.Value ?? "";
        provenance["Name"] = state.Name.Where;
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(RuleCodes.Name, "Name", name, $"Experiment name must be non-empty; got {Format.Value(name)}.", state.Name.Where);
        provenance["Seed"] = state.Seed.Where;
        var data = state.Data.Value;
        provenance["Data"] = state.Data.Where;
        if (string.IsNullOrWhiteSpace(data.Name))
            errors.Add(RuleCodes.DatasetName, "Data", data.Name, $"Data set name must be non-empty; got {Format.Value(data.Name)}.", state.Data.Where);

        // Network (HW02xx).
        var network = NetworkRules.Check(state.Network!, state.NetworkWhere, data, errors, provenance, state.Data.Where);

        // Hardware (HW01xx).
        var hardware = state.Hardware ?? new HardwareBuilder();
        provenance["Hardware"] = state.HardwareWhere;
        HardwareRules.Check(hardware, errors);
        foreach (var o in state.Overrides) HardwareRules.Check(o, errors);
        var layers = LayerResolver.Resolve(hardware, state.Overrides, network, errors, provenance);
        layers = DeviceResolver.Apply(hardware, state.Overrides, layers, errors, provenance);
        var cost = CostRules.Resolve(hardware, errors, provenance);

        // Training (HW03xx) and evaluation (HW04xx).
        var training = TrainingRules.Check(state.Training.Settings, layers, errors, provenance);
        TrainingRules.CheckHardwareDeclared(training, state.Hardware is not null, provenance["Training.Mode"], provenance["Network"], errors);
        var evaluation = EvaluationRules.Check(state.Evaluation.Settings, training.Mode, layers, errors, provenance);
        (training, evaluation) = DefectRules.Check(state.Training.Settings, state.Evaluation.Settings, training, evaluation, layers, errors, provenance);

        if (errors.Any) throw new SpecException(errors.Distinct());
        return new ExperimentSpec(name, state.Seed.Value, data, network, layers, training, evaluation)
        {
            Provenance = provenance.AsReadOnly(),
            Cost = cost,
        };
    }
}
