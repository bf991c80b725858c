namespace HwDsl;

/// <summary>HW05xx: binary weights, defect rates, device-to-device variation, die populations and die-aware training.</summary>
internal static class DefectRules
{
    internal const double MaxDeviceToDevice = 0.5;
    internal const int MaxDies = 100_000;

    /// <summary>Adds binary/defect/variation values to one resolved layer and checks them (per scope, so each mistake reports once).</summary>
    internal static LayerHardware Resolve(LayerHardware layer, LayerSettings merged, Errors errors, Dictionary<string, Provenance> provenance)
    {
        void Record(LayerValue value, Provenance where) => provenance[LayerValues.Path(layer.Index, value)] = where;

        var binary = merged.Get(HwKey.Binary, false);
        var sigma = merged.Get(HwKey.DeviceToDevice, 0.0);
        Record(LayerValue.Binary, binary.Where);
        Record(LayerValue.DeviceToDevice, sigma.Where);
        var keys = new[] { (HwKey.Open, LayerValue.OpenRate), (HwKey.Shorted, LayerValue.ShortedRate), (HwKey.StuckRandom, LayerValue.StuckRandomRate) };
        var rates = new RateDistribution[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            var s = merged.Get<RateDistribution?>(keys[k].Item1, 0.0);
            Record(keys[k].Item2, s.Where);
            rates[k] = Rate(merged.Name(keys[k].Item1), s, errors);
        }

        double sv = sigma.Value;
        if (!(sv >= 0 && sv <= MaxDeviceToDevice))
            errors.Add(RuleCodes.DeviceToDevice, merged.Name(HwKey.DeviceToDevice), sv,
                $"{merged.Name(HwKey.DeviceToDevice)} sigma must be in [0, {MaxDeviceToDevice}] (relative spread of a device's conductance); got {Format.Value(sv)}.", sigma.Where);

        var defects = new DefectSpec(rates[0], rates[1], rates[2]);
        if (defects.MeanTotal > 1 + 1e-12)
        {
            var open = merged.Get<RateDistribution?>(HwKey.Open, null).Where;
            errors.Add(RuleCodes.DefectRateSum, "Defects", defects.MeanTotal,
                $"Defects: the mean rates add up to {Format.Value(defects.MeanTotal)} (open {defects.Open}, shorted {defects.Shorted}, stuck-random {defects.StuckRandom}); a device has one state, so the sum must be <= 1.",
                open.HasLocation ? open : merged.Get<RateDistribution?>(HwKey.Shorted, null).Where);
        }

        if (layer.Digital)
        {
            foreach (var key in HwKey.DefectOnly)
                if (merged.TryGetAny(key, out var m, out var scope) && scope.Settings.TryGet(HwKey.Digital, out var d) && d.Value
                    && m.Where.Source == ValueSource.Explicit)
                    errors.Add(RuleCodes.DefectsOnDigital, merged.Name(key), m.Value,
                        $"{merged.Name(key)} = {Format.Value(m.Value)} has no effect: {(scope is LayerOverride ? scope.ScopeName : "the hardware")} is Digital() (set at {d.Where}), which has no devices; remove one of the two.",
                        m.Where);
            return layer;
        }

        bool isBinary = binary.Value;
        if (!isBinary && (!defects.IsNone || sv > 0))
        {
            var where = HwKey.DefectOnly.Skip(1).Select(k => merged.TryGetAny(k, out var m, out _) ? m.Where : Provenance.Default)
                .FirstOrDefault(w => w.HasLocation) ?? Provenance.Default;
            errors.Add(RuleCodes.DefectsNeedBinary, "Defects", defects.ToString(),
                $"Defects and DeviceToDevice are compiled for binary weights only (Hardware.Binary(...) or .Binary()); the layers they apply to have {layer.WeightBits}-bit multilevel weights.",
                where);
        }
        if (isBinary && merged.TryGet(HwKey.WeightBits, out var wb, out _) && wb.Where.Source == ValueSource.Explicit && wb.Value != 1)
            errors.Add(RuleCodes.BinaryWeightBits, merged.Name(HwKey.WeightBits), wb.Value,
                $"{merged.Name(HwKey.WeightBits)} = {Format.Value(wb.Value)} contradicts Binary() (set at {binary.Where}), whose weights are one device state (1 bit); remove WeightBits.",
                wb.Where);
        if (isBinary)
        {
            // Binary layers model variation as DeviceToDevice; these would be silently ignored.
            foreach (var key in new[] { HwKey.ProgrammingSigma, HwKey.ReadSigma, HwKey.Asymmetry, HwKey.NegativeOnOffRatio, HwKey.NegativeNonLinearity })
                if (merged.TryGet(key, out var m, out _) && m.Where.Source == ValueSource.Explicit && m.Value != 0
                    && !(key == HwKey.NegativeOnOffRatio && double.IsPositiveInfinity(m.Value)))
                    errors.Add(RuleCodes.NotModelledOnBinary, merged.Name(key), m.Value,
                        $"{merged.Name(key)} = {Format.Value(m.Value)} is not modelled on binary weights (Binary() set at {binary.Where}); use DeviceToDevice(sigma) for device variation and Defects(...) for stuck devices.",
                        m.Where);
            // A binary layer's output scale is a learned α per layer, not w_max: a weight range would be ignored.
            if (merged.TryGet(HwKey.Range, out var range, out _) && range.Where.Source == ValueSource.Explicit && range.Value is not (null or MaxAbsWeightRange))
                errors.Add(RuleCodes.NotModelledOnBinary, merged.Name(HwKey.Range), range.Value.ToString(),
                    $"{merged.Name(HwKey.Range)} = {range.Value} is not used by binary weights (Binary() set at {binary.Where}): a binary layer scales its ±1 device states by a learned α of its own; remove WeightRange.",
                    range.Where);
        }
        return layer with
        {
            Binary = isBinary,
            WeightBits = isBinary ? 1 : layer.WeightBits,
            Defects = defects,
            DeviceToDevice = sv,
        };
    }

    private static RateDistribution Rate(string name, Setting<RateDistribution?> s, Errors errors)
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
                return s.Value;
        }
    }

    /// <summary>Die populations and die-aware training against the mode and the hardware.</summary>
    internal static (TrainingSpec, EvaluationSpec) Check(SettingBag t, SettingBag e, TrainingSpec training, EvaluationSpec evaluation,
        IReadOnlyList<LayerHardware> layers, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var mode = t.GetOr(TrainKey.Dies, DieTraining.Naive);
        var dies = e.GetOr(EvalKey.Dies, null);
        provenance[TrainKey.Dies.Path] = mode.Where;
        provenance[EvalKey.Dies.Path] = dies.Where;
        var m = mode.Value;
        var population = dies.Value;
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
