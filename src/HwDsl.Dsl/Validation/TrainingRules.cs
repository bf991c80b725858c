namespace HwDsl;

/// <summary>HW03xx: training settings, and the training mode against the hardware.</summary>
internal static class TrainingRules
{
    internal static TrainingSpec Check(SettingBag t, IReadOnlyList<LayerHardware> layers, Errors errors,
        Dictionary<string, Provenance> provenance)
    {
        bool allDigital = layers.Count > 0 && layers.All(l => l.Digital);
        // Default mode: hardware-aware when there is analog hardware to be aware of, else the float baseline.
        var mode = t.GetOr(TrainKey.Mode, allDigital ? TrainingMode.Float : TrainingMode.HardwareAware);
        var relaxation = t.Has(TrainKey.Mode)
            ? t.GetOr(TrainKey.Relaxation, null)
            : new Setting<RelaxationSpec?>(allDigital ? null : TrainingBuilder.DefaultRelaxation, Provenance.Default);

        provenance[TrainKey.Mode.Path] = mode.Where;
        provenance[TrainKey.Relaxation.Path] = relaxation.Where;
        var recipe = CheckRecipe(t, RuleCodes.LearningRate, errors, provenance);
        var modeValue = mode.Value;
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
                case SigmoidRelaxation { SteFrom: int k } when !(k >= 1 && k < recipe.Epochs):
                    errors.Add(RuleCodes.Relaxation, "Relaxation.SigmoidThenSte.steFrom", k,
                        $"Relaxation.SigmoidThenSte steFrom must be in [1, epochs - 1] = [1, {recipe.Epochs - 1}] (at least one relaxed and one STE epoch); got {k}.", relaxation.Where);
                    break;
            }
        }

        if (allDigital && modeValue != TrainingMode.Float)
            errors.Add(RuleCodes.NothingToMap, "Mode", modeValue,
                $"Mode {modeValue} needs at least one analog layer, but every layer is digital; use Float() for the software baseline.", mode.Where);

        if (modeValue != TrainingMode.HardwareAware)
        {
            // One error per line that asked for it (a network-wide WeightRange covers every layer).
            var learned = layers.Where(l => !l.Digital && l.Range is LearnedWeightRange)
                .GroupBy(l => provenance.GetValueOrDefault(LayerValues.Path(l.Index, LayerValue.WeightRange), mode.Where));
            foreach (var g in learned)
                errors.Add(RuleCodes.LearnedRangeNeedsTraining, LayerValues.Path(g.First().Index, LayerValue.WeightRange), g.First().Range,
                    $"WeightRange.Learned (layer {string.Join(", ", g.Select(l => l.Index))}) is trained through the hardware, but the mode is {modeValue}; " +
                    "use HardwareAware() or NoiseAware(), or WeightRange.MaxAbs, WeightRange.Fixed(w_max) or Rounding.FittedScale.", g.Key);
        }

        var rounding = RoundingRules.Check(t, modeValue, layers, errors, provenance);
        var noise = t.GetOr(TrainKey.Noise, null);
        provenance[TrainKey.Noise.Path] = noise.Where;
        if (noise.Value is { } n)
        {
            if (!(n.Scale > 0 && n.Scale <= 10))
                errors.Add(RuleCodes.NoiseAwareScale, "NoiseAware.scale", n.Scale, $"NoiseAware scale must be in (0, 10] (1 injects the device's own noise); got {Format.Value(n.Scale)}.", noise.Where);
            if (n.Seconds is double s && !(s >= 0 && double.IsFinite(s)))
                errors.Add(RuleCodes.NoiseAwareTime, "NoiseAware.at", s, $"NoiseAware at must be a finite time >= 0 after programming; got {Format.Value(s)} s.", noise.Where);
        }
        return new TrainingSpec(recipe.Optimizer, recipe.LearningRate, recipe.Momentum, recipe.WeightDecay, recipe.Epochs, recipe.Batch,
            recipe.Schedule, modeValue, modeValue == TrainingMode.HardwareAware ? relaxation.Value : null)
        { Rounding = rounding, Noise = modeValue == TrainingMode.HardwareAware ? noise.Value : null };
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

    /// <summary>
    /// The recipe every training vocabulary shares (optimizer, learning rate, momentum, weight decay, epochs, batch,
    /// schedule), with its checks; <paramref name="code"/> is the learning-rate, epochs and batch code of the vocabulary
    /// (HW0301.. for experiments, HW0611 for core experiments), the others are the training codes.
    /// </summary>
    internal static TrainingRecipe CheckRecipe(SettingBag t, string code, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var optimizer = t.GetOr(TrainKey.Optimizer, OptimizerKind.Adam);
        var lr = t.GetOr(TrainKey.LearningRate, 1e-3);
        var momentum = t.GetOr(TrainKey.Momentum, 0.0);
        var decay = t.GetOr(TrainKey.WeightDecay, 0.0);
        var epochs = t.GetOr(TrainKey.Epochs, 10);
        var batch = t.GetOr(TrainKey.Batch, 100);
        var schedule = t.GetOr(TrainKey.Schedule, Schedule.Cosine);
        provenance[TrainKey.Optimizer.Path] = optimizer.Where;
        provenance[TrainKey.LearningRate.Path] = lr.Where;
        provenance[TrainKey.Momentum.Path] = momentum.Where;
        provenance[TrainKey.WeightDecay.Path] = decay.Where;
        provenance[TrainKey.Epochs.Path] = epochs.Where;
        provenance[TrainKey.Batch.Path] = batch.Where;
        provenance[TrainKey.Schedule.Path] = schedule.Where;

        var experiment = code == RuleCodes.LearningRate;
        if (!(lr.Value > 0 && double.IsFinite(lr.Value)))
            errors.Add(code, "LearningRate", lr.Value, $"Learning rate must be finite and > 0; got {Format.Value(lr.Value)}.", lr.Where);
        if (!(momentum.Value >= 0 && momentum.Value < 1))
            errors.Add(RuleCodes.Momentum, "Momentum", momentum.Value, $"Momentum must be in [0, 1); got {Format.Value(momentum.Value)}.", momentum.Where);
        if (!(decay.Value >= 0 && double.IsFinite(decay.Value)))
            errors.Add(RuleCodes.WeightDecay, "WeightDecay", decay.Value, $"Weight decay must be finite and >= 0; got {Format.Value(decay.Value)}.", decay.Where);
        CheckAtLeastOne(epochs, "Epochs", experiment ? RuleCodes.Epochs : code, errors);
        CheckAtLeastOne(batch, "Batch", experiment ? RuleCodes.Batch : code, errors);
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
        return new TrainingRecipe(optimizer.Value, lr.Value, momentum.Value, decay.Value, epochs.Value, batch.Value, schedule.Value ?? Schedule.Cosine);
    }

    private static void CheckAtLeastOne(Setting<int> count, string name, string code, Errors errors)
    {
        if (count.Value < 1)
            errors.Add(code, name, count.Value, $"{name} must be >= 1; got {count.Value}.", count.Where);
    }
}
