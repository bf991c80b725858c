namespace HwDsl;

/// <summary>HW05xx: binary weights, defect rates, device-to-device variation, die populations and die-aware training.</summary>
internal static class DefectRules
{
    internal const double MaxDeviceToDevice = 0.5;
    internal const int MaxDies = 100_000;

    /// <summary>Adds binary/defect/variation values to one resolved layer and checks them (per scope, so each mistake reports once).</summary>
    internal static LayerHardware Resolve(LayerHardware layer, Dictionary<string, (Setting Setting, HardwareScope Scope)> merged,
        Errors errors, Dictionary<string, Provenance> provenance)
    {
        string at = $"Layers[{layer.Index}].";
        Setting Get(string key, object? fallback) => merged.TryGetValue(key, out var m) ? m.Setting : new Setting(fallback, Provenance.Default);
        string Name(string key) => merged.TryGetValue(key, out var m) && m.Scope is LayerOverride ? m.Scope.ScopeName + "." + key : key;

        var binary = Get(DefectKey.Binary, false);
        var sigma = Get(DefectKey.DeviceToDevice, 0.0);
        provenance[at + "Binary"] = binary.Where;
        provenance[at + "DeviceToDevice"] = sigma.Where;
        var rates = new RateDistribution[3];
        for (int k = 0; k < 3; k++)
        {
            var key = DefectKey.Rates[k];
            var s = Get(key, (RateDistribution)0.0);
            provenance[at + key] = s.Where;
            rates[k] = Rate(Name(key), s, errors);
        }

        double sv = (double)sigma.Value!;
        if (!(sv >= 0 && sv <= MaxDeviceToDevice))
            errors.Add(RuleCodes.DeviceToDevice, Name(DefectKey.DeviceToDevice), sv,
                $"{Name(DefectKey.DeviceToDevice)} sigma must be in [0, {MaxDeviceToDevice}] (relative spread of a device's conductance); got {Format.Value(sv)}.", sigma.Where);

        var defects = new DefectSpec(rates[0], rates[1], rates[2]);
        if (defects.MeanTotal > 1 + 1e-12)
            errors.Add(RuleCodes.DefectRateSum, "Defects", defects.MeanTotal,
                $"Defects: the mean rates add up to {Format.Value(defects.MeanTotal)} (open {defects.Open}, shorted {defects.Shorted}, stuck-random {defects.StuckRandom}); a device has one state, so the sum must be <= 1.",
                Get(DefectKey.Open, null).Where.HasLocation ? Get(DefectKey.Open, null).Where : Get(DefectKey.Shorted, null).Where);

        if (layer.Digital)
        {
            foreach (var key in DefectKey.AnalogOnly)
                if (merged.TryGetValue(key, out var m) && m.Scope.Settings.TryGet(HwKey.Digital, out var d) && d.Value is true
                    && m.Setting.Where.Source == ValueSource.Explicit)
                    errors.Add(RuleCodes.DefectsOnDigital, Name(key), m.Setting.Value,
                        $"{Name(key)} = {Format.Value(m.Setting.Value)} has no effect: {(m.Scope is LayerOverride ? m.Scope.ScopeName : "the hardware")} is Digital() (set at {d.Where}), which has no devices; remove one of the two.",
                        m.Setting.Where);
            return layer;
        }

        bool isBinary = binary.Value is true;
        if (!isBinary && (!defects.IsNone || sv > 0))
        {
            var where = DefectKey.AnalogOnly.Skip(1).Select(k => Get(k, null)).FirstOrDefault(s => s.Where.HasLocation).Where ?? Provenance.Default;
            errors.Add(RuleCodes.DefectsNeedBinary, "Defects", defects.ToString(),
                $"Defects and DeviceToDevice are compiled for binary weights only (Hardware.Binary(...) or .Binary()); the layers they apply to have {layer.WeightBits}-bit multilevel weights.",
                where);
        }
        if (isBinary && merged.TryGetValue(HwKey.WeightBits, out var wb) && wb.Setting.Where.Source == ValueSource.Explicit && wb.Setting.Value is not 1)
            errors.Add(RuleCodes.BinaryWeightBits, Name(HwKey.WeightBits), wb.Setting.Value,
                $"{Name(HwKey.WeightBits)} = {Format.Value(wb.Setting.Value)} contradicts Binary() (set at {binary.Where}), whose weights are one device state (1 bit); remove WeightBits.",
                wb.Setting.Where);
        if (isBinary)
        {
            // Binary layers model variation as DeviceToDevice; these would be silently ignored.
            foreach (var key in new[] { HwKey.ProgrammingSigma, HwKey.ReadSigma, HwKey.Asymmetry, HwKey.NegativeOnOffRatio, HwKey.NegativeNonLinearity })
                if (merged.TryGetValue(key, out var m) && m.Setting.Where.Source == ValueSource.Explicit && m.Setting.Value is double v && v != 0
                    && !(key == HwKey.NegativeOnOffRatio && double.IsPositiveInfinity(v)))
                    errors.Add(RuleCodes.NotModelledOnBinary, Name(key), v,
                        $"{Name(key)} = {Format.Value(v)} is not modelled on binary weights (Binary() set at {binary.Where}); use DeviceToDevice(sigma) for device variation and Defects(...) for stuck devices.",
                        m.Setting.Where);
        }
        return layer with
        {
            Binary = isBinary,
            WeightBits = isBinary ? 1 : layer.WeightBits,
            Defects = defects,
            DeviceToDevice = sv,
        };
    }

    private static RateDistribution Rate(string name, Setting s, Errors errors)
    {
        switch (s.Value)
        {
            case FixedRate f when !(f.Rate >= 0 && f.Rate <= 1):
                errors.Add(RuleCodes.DefectRate, name, f.Rate, $"{name} rate must be in [0, 1] (a fraction of devices); got {Format.Value(f.Rate)}.", s.Where);
                return 0.0;
            case BetaRate b when !(b.MeanRate > 0 && b.MeanRate < 1 && b.Sd > 0 && b.Sd * b.Sd < b.MeanRate * (1 - b.MeanRate)):
                errors.Add(RuleCodes.BetaRate, name, b.ToString(),
                    $"{name} = Dist.Beta(mean: {Format.Value(b.MeanRate)}, sd: {Format.Value(b.Sd)}) is not a Beta distribution: it needs 0 < mean < 1 and 0 < sd < sqrt(mean(1 - mean)) = {Format.Value(Math.Sqrt(Math.Max(0, b.MeanRate * (1 - b.MeanRate))))}.",
                    s.Where);
                return 0.0;
            case null:
                errors.Add(RuleCodes.DefectRate, name, null, $"{name} must be a rate or Dist.Fixed/Dist.Beta; got null.", s.Where);
                return 0.0;
            default:
                return (RateDistribution)s.Value;
        }
    }

    /// <summary>Die populations and die-aware training against the mode and the hardware.</summary>
    internal static (TrainingSpec, EvaluationSpec) Check(SettingBag t, SettingBag e, TrainingSpec training, EvaluationSpec evaluation,
        IReadOnlyList<LayerHardware> layers, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var mode = t.GetOr(DefectKey.Dies, DieTraining.Naive);
        var dies = e.GetOr(DefectKey.Dies, null);
        provenance["Training.Dies"] = mode.Where;
        provenance["Evaluation.Dies"] = dies.Where;
        var m = (DieTraining)mode.Value!;
        var population = (DiePopulation?)dies.Value;
        bool sampled = layers.Any(l => l.HasDieEffects);

        if (population is not null)
        {
            if (population.Count is < 1 or > MaxDies)
                errors.Add(RuleCodes.DieCount, "Dies", population.Count, $"OnDies needs 1..{MaxDies} dies; got {population.Count}.", dies.Where);
            foreach (var f in population.Files ?? [])
                if (string.IsNullOrWhiteSpace(f) || !File.Exists(f))
                    errors.Add(RuleCodes.DieMapFile, "Dies.Load", f, $"Die map file {Format.Value(f)} does not exist (working directory {Environment.CurrentDirectory}).", dies.Where);
            if (training.Mode == TrainingMode.Float)
                errors.Add(RuleCodes.DiesInFloatMode, "Dies", population.ToString(),
                    "OnDies evaluates the deployed network on each die, but Float mode is evaluated once, in software; use NaiveMapping(), PerDie(i) or StatisticsAware().", dies.Where);
            if (!population.IsLoaded && !sampled)
                errors.Add(RuleCodes.DiesWithoutDefects, "Dies", population.ToString(),
                    "OnDies(Dies.Sample(...)) would sample identical dies: no layer declares Defects(...) or DeviceToDevice(...).", dies.Where);
            if (!layers.Any(l => l.Binary))
                errors.Add(RuleCodes.DefectsNeedBinary, "Dies", population.ToString(),
                    "OnDies needs binary hardware (Hardware.Binary(...) or .Binary()): defects are compiled for binary weights only.", dies.Where);
        }

        switch (m.Kind)
        {
            case DieTrainingKind.PerDie when population is null:
                errors.Add(RuleCodes.PerDieIndex, "PerDie", m.Die, $"PerDie({m.Die}) names a die of the evaluation population, but there is none; add Evaluate(e => e.OnDies(Dies.Sample(n, seed))).", mode.Where);
                break;
            case DieTrainingKind.PerDie when m.Die < 0 || m.Die >= population!.Count:
                errors.Add(RuleCodes.PerDieIndex, "PerDie", m.Die, $"PerDie({m.Die}): the evaluation population has {population!.Count} dies (indices 0..{population.Count - 1}).", mode.Where);
                break;
            case DieTrainingKind.StatisticsAware when m.EveryBatches < 1:
                errors.Add(RuleCodes.EveryBatches, "StatisticsAware.everyBatches", m.EveryBatches, $"StatisticsAware everyBatches must be >= 1; got {m.EveryBatches}.", mode.Where);
                break;
            case DieTrainingKind.StatisticsAware when !sampled:
                errors.Add(RuleCodes.DieTrainingWithoutDefects, "StatisticsAware", m.ToString(),
                    "StatisticsAware() draws dies from the defect statistics, but no layer declares Defects(...) or DeviceToDevice(...).", mode.Where);
                break;
        }
        if (m.Kind != DieTrainingKind.Naive && training.Mode != TrainingMode.HardwareAware)
            m = DieTraining.Naive; // a later Float()/NaiveMapping() call wins over PerDie/StatisticsAware
        return (training with { Dies = m }, evaluation with { Dies = population });
    }
}
