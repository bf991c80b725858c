namespace HwDsl;

/// <summary>HW03xx: training settings, and the training mode against the hardware.</summary>
internal static class TrainingRules
{
    internal static TrainingSpec Check(SettingBag t, IReadOnlyList<LayerHardware> layers, Errors errors,
        Dictionary<string, Provenance> provenance)
    {
        bool allDigital = layers.Count > 0 && layers.All(l => l.Digital);
        var optimizer = t.GetOr(TrainKey.Optimizer, OptimizerKind.Adam);
        var lr = t.GetOr(TrainKey.LearningRate, 1e-3);
        var momentum = t.GetOr(TrainKey.Momentum, 0.0);
        var decay = t.GetOr(TrainKey.WeightDecay, 0.0);
        var epochs = t.GetOr(TrainKey.Epochs, 10);
        var batch = t.GetOr(TrainKey.Batch, 100);
        var schedule = t.GetOr(TrainKey.Schedule, Schedule.Cosine);
        // Default mode: hardware-aware when there is analog hardware to be aware of, else the float baseline.
        var mode = t.GetOr(TrainKey.Mode, allDigital ? TrainingMode.Float : TrainingMode.HardwareAware);
        var relaxation = t.Has(TrainKey.Mode)
            ? t.GetOr(TrainKey.Relaxation, null)
            : new Setting(allDigital ? null : TrainingBuilder.DefaultRelaxation, Provenance.Default);

        foreach (var (key, s) in new[] { (TrainKey.Optimizer, optimizer), (TrainKey.LearningRate, lr), (TrainKey.Momentum, momentum),
            (TrainKey.WeightDecay, decay), (TrainKey.Epochs, epochs), (TrainKey.Batch, batch), (TrainKey.Schedule, schedule),
            (TrainKey.Mode, mode), (TrainKey.Relaxation, relaxation) })
            provenance["Training." + key] = s.Where;

        double lrv = CheckLearningRate(lr, RuleCodes.LearningRate, errors);
        double mv = (double)momentum.Value!;
        if (!(mv >= 0 && mv < 1))
            errors.Add(RuleCodes.Momentum, "Momentum", mv, $"Momentum must be in [0, 1); got {Format.Value(mv)}.", momentum.Where);
        double wd = (double)decay.Value!;
        if (!(wd >= 0 && double.IsFinite(wd)))
            errors.Add(RuleCodes.WeightDecay, "WeightDecay", wd, $"Weight decay must be finite and >= 0; got {Format.Value(wd)}.", decay.Where);
        CheckAtLeastOne(epochs, "Epochs", RuleCodes.Epochs, errors);
        CheckAtLeastOne(batch, "Batch", RuleCodes.Batch, errors);
        switch (schedule.Value)
        {
            case null:
                errors.Add(RuleCodes.Schedule, "Schedule", null, "Schedule must be Schedule.Constant, Schedule.Cosine or Schedule.Step(gamma, every); got null.", schedule.Where);
                break;
            case StepSchedule step when !(step.Gamma > 0 && step.Gamma <= 1):
                errors.Add(RuleCodes.Schedule, "Schedule.Step.gamma", step.Gamma, $"Schedule.Step gamma must be in (0, 1]; got {Format.Value(step.Gamma)}.", schedule.Where);
                break;
            case StepSchedule step when step.Every < 1:
                errors.Add(RuleCodes.Schedule, "Schedule.Step.every", step.Every, $"Schedule.Step every must be >= 1 epoch; got {step.Every}.", schedule.Where);
                break;
        }

        var modeValue = (TrainingMode)mode.Value!;
        if (modeValue == TrainingMode.HardwareAware)
        {
            switch (relaxation.Value)
            {
                case null:
                    errors.Add(RuleCodes.Relaxation, "Relaxation", null, "HardwareAware needs a relaxation: Relaxation.Sigmoid(beta, to) or Relaxation.Ste; got null.", relaxation.Where);
                    break;
                case SigmoidRelaxation sr when !(sr.BetaFrom > 0 && double.IsFinite(sr.BetaFrom)):
                    errors.Add(RuleCodes.Relaxation, "Relaxation.Sigmoid.beta", sr.BetaFrom, $"Relaxation.Sigmoid beta must be finite and > 0; got {Format.Value(sr.BetaFrom)}.", relaxation.Where);
                    break;
                case SigmoidRelaxation sr when !(sr.BetaTo >= sr.BetaFrom && double.IsFinite(sr.BetaTo)):
                    errors.Add(RuleCodes.Relaxation, "Relaxation.Sigmoid.to", sr.BetaTo,
                        $"Relaxation.Sigmoid to must be finite and >= beta ({Format.Value(sr.BetaFrom)}; beta is annealed upward); got {Format.Value(sr.BetaTo)}.", relaxation.Where);
                    break;
            }
        }

        if (allDigital && modeValue != TrainingMode.Float)
            errors.Add(RuleCodes.NothingToMap, "Mode", modeValue,
                $"Mode {modeValue} needs at least one analog layer, but every layer is digital; use Float() for the software baseline.", mode.Where);

        var rounding = RoundingRules.Check(t, modeValue, layers, errors, provenance);
        return new TrainingSpec((OptimizerKind)optimizer.Value!, lrv, mv, wd, (int)epochs.Value!, (int)batch.Value!,
            (ScheduleSpec)schedule.Value!, modeValue, modeValue == TrainingMode.HardwareAware ? (RelaxationSpec?)relaxation.Value : null)
        { Rounding = rounding };
    }

    /// <summary>HW0309: a mapped mode needs hardware that was declared, not the silent defaults of an experiment without <c>On(...)</c>.</summary>
    internal static void CheckHardwareDeclared(TrainingSpec training, bool declared, Provenance modeWhere, Provenance networkWhere, Errors errors)
    {
        if (declared || training.Mode == TrainingMode.Float) return;
        var byDefault = modeWhere.Source == ValueSource.Default;
        var mode = byDefault ? $"{training.Mode} (the default mode)" : training.Mode.ToString();
        if (byDefault) modeWhere = networkWhere;   // the default has no line of its own: point at the network it would map
        errors.Add(RuleCodes.NoHardware, "Mode", training.Mode,
            $"Mode {mode} maps the network onto hardware, but no hardware was declared; declare it with .On(Hardware.DifferentialPair()) " +
            "for the default differential pair (or any other Hardware), or train .Float() for the software baseline.", modeWhere);
    }

    /// <summary>The learning rate must be finite and &gt; 0 (each training vocabulary reports it under its own code).</summary>
    internal static double CheckLearningRate(Setting lr, string code, Errors errors)
    {
        var value = (double)lr.Value!;
        if (!(value > 0 && double.IsFinite(value)))
            errors.Add(code, "LearningRate", value, $"Learning rate must be finite and > 0; got {Format.Value(value)}.", lr.Where);
        return value;
    }

    /// <summary>An epoch or batch count must be ≥ 1.</summary>
    internal static void CheckAtLeastOne(Setting count, string name, string code, Errors errors)
    {
        if ((int)count.Value! < 1)
            errors.Add(code, name, count.Value, $"{name} must be >= 1; got {count.Value}.", count.Where);
    }
}
