namespace HwDsl;

/// <summary>HW07xx: rounding methods against the training mode and the hardware.</summary>
internal static class RoundingRules
{
    internal static WeightRounding Check(SettingBag t, TrainingMode mode, IReadOnlyList<LayerHardware> layers, Errors errors,
        Dictionary<string, Provenance> provenance)
    {
        var rounding = t.GetOr(TrainKey.Rounding, WeightRounding.Nearest);
        provenance[TrainKey.Rounding.Path] = rounding.Where;
        var value = rounding.Value;
        if (value != WeightRounding.Stochastic) return value;
        if (layers.Any(l => !l.Digital && l.IsNoisy))
            errors.Add(RuleCodes.StochasticRoundingWithNoise, "Rounding", value,
                "Rounding.Stochastic with programming or read noise is not modelled (the noise draws assume the nearest level); use one or the other.", rounding.Where);
        if (mode == TrainingMode.Float)
            errors.Add(RuleCodes.RoundingInFloatMode, "Rounding", value,
                "Rounding.Stochastic needs a deployed model, but Float mode evaluates in float; use NaiveMapping() or HardwareAware().", rounding.Where);
        return value;
    }
}
