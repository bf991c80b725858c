namespace HwDsl;

/// <summary>HW040x: evaluation against the training mode and the hardware.</summary>
internal static class EvaluationRules
{
    internal static EvaluationSpec Check(SettingBag e, TrainingMode mode, IReadOnlyList<LayerHardware> layers, Errors errors,
        Dictionary<string, Provenance> provenance)
    {
        var samples = e.GetOr(EvalKey.Samples, 1);
        provenance[EvalKey.Samples.Path] = samples.Where;
        int n = samples.Value;
        if (n < 1)
            errors.Add(RuleCodes.Samples, "samples", n, $"Deployed samples must be >= 1; got {n}.", samples.Where);
        else if (n > 1 && mode == TrainingMode.Float)
            errors.Add(RuleCodes.SamplesInFloatMode, "samples", n,
                $"Deployed(samples: {n}) has nothing to sample: Float mode is evaluated once, in float; use samples: 1 or NaiveMapping()/HardwareAware().", samples.Where);
        // Devices other than the built-in one may bring their own noise, which only the compiler's catalog knows.
        else if (n > 1 && !layers.Any(l => l.IsNoisy || (!l.Digital && !string.Equals(l.Device, Hardware.DefaultDevice, StringComparison.OrdinalIgnoreCase))))
            errors.Add(RuleCodes.SamplesWithoutNoise, "samples", n,
                $"Deployed(samples: {n}) would draw the same model {n} times: no layer has ProgrammingNoise, ReadNoise or per-read noise (ReadNoisePerMvm, OutputNoise); use samples: 1 or add noise.", samples.Where);
        var time = e.GetOr(EvalKey.ReadSeconds, 0.0);
        provenance[EvalKey.ReadSeconds.Path] = time.Where;
        var seconds = time.Value;
        if (!(seconds >= 0 && double.IsFinite(seconds)))
            errors.Add(RuleCodes.ReadTime, "At", seconds,
                $"At(...) must be a finite time >= 0 after programming; got {Format.Value(seconds)} s.", time.Where);
        var times = e.GetOr(EvalKey.Times, new EquatableList<double>([]));
        provenance[EvalKey.Times.Path] = times.Where;
        var compensation = e.GetOr(EvalKey.DriftCompensation, false);
        provenance[EvalKey.DriftCompensation.Path] = compensation.Where;
        if (times.Value.Count > 0)
        {
            var list = times.Value;
            var bad = Enumerable.Range(0, list.Count).Any(i => !(list[i] >= 0 && double.IsFinite(list[i])) || (i > 0 && !(list[i] > list[i - 1])));
            if (bad)
                errors.Add(RuleCodes.OverTimeTimes, "OverTime", string.Join(", ", list.Select(t => Format.Value(t))),
                    $"OverTime needs finite times >= 0 in ascending order; got {string.Join(", ", list.Select(t => Format.Value(t) + " s"))}.", times.Where);
            if (mode == TrainingMode.Float)
                errors.Add(RuleCodes.OverTimeInFloatMode, "OverTime", list.Count, "OverTime reads the programmed network, but Float mode is evaluated once, in float; use NaiveMapping()/HardwareAware().", times.Where);
            if (e.Has(EvalKey.Dies))
                errors.Add(RuleCodes.OverTimeWithDies, "OverTime", list.Count, "OverTime reads programmed noise samples over time; it is not combined with OnDies (one accuracy per die).", times.Where);
            if (e.Has(EvalKey.ReadSeconds))
                errors.Add(RuleCodes.OverTimeWithAt, "OverTime", list.Count, $"OverTime reads at its own times; At(...) (set at {time.Where}) would be ignored: remove one of the two.", times.Where);
        }
        if (compensation.Value && mode == TrainingMode.Float)
            errors.Add(RuleCodes.DriftCompensationInFloatMode, "DriftCompensation", true, "DriftCompensation acts on the programmed network, but Float mode is evaluated once, in float.", compensation.Where);
        return new EvaluationSpec(n) { Deployed = mode != TrainingMode.Float, ReadSeconds = seconds, Times = times.Value, DriftCompensation = compensation.Value };
    }
}
