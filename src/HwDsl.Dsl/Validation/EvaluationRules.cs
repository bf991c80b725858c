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
                $"Deployed(samples: {n}) would draw the same model {n} times: no layer has ProgrammingNoise or ReadNoise; use samples: 1 or add noise.", samples.Where);
        var time = e.GetOr(EvalKey.ReadSeconds, 0.0);
        provenance[EvalKey.ReadSeconds.Path] = time.Where;
        var seconds = time.Value;
        if (!(seconds >= 0 && double.IsFinite(seconds)))
            errors.Add(RuleCodes.ReadTime, "At", seconds,
                $"At(...) must be a finite time >= 0 after programming; got {Format.Value(seconds)} s.", time.Where);
        return new EvaluationSpec(n) { Deployed = mode != TrainingMode.Float, ReadSeconds = seconds };
    }
}
