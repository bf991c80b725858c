namespace HwDsl;

/// <summary>HW09xx: resolves the experiment's <see cref="CostSpec"/> from the global hardware and checks every value at the
/// line that set it.</summary>
internal static class CostRules
{
    internal const int MaxColumnsPerAdc = 4096;

    internal static CostSpec Resolve(HardwareBuilder hardware, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var settings = hardware.Settings;
        var technology = CostSpec.Default.Technology;
        var technologyWhere = Provenance.Default;
        if (settings.TryGet(CostKey.Technology, out var t))
        {
            technologyWhere = t.Where;
            if (t.Value is null || t.Value.Values.Count == 0)
                errors.Add(RuleCodes.CostTechnology, CostKey.Technology.Name, null,
                    $"Technology needs a preset with values, e.g. Technologies.NeuroSimRram32nm (presets: {string.Join(", ", Technologies.All.Select(p => p.Name))}); got {(t.Value is null ? "null" : $"'{t.Value.Name}' without values")}.",
                    t.Where);
            else
            {
                technology = t.Value;
                foreach (var missing in Enum.GetValues<CostConstant>().Where(c => technology.Values.All(v => v.Constant != c)))
                    errors.Add(RuleCodes.CostTechnology, CostKey.Technology.Name, technology.Name,
                        $"Technology '{technology.Name}' has no value for {missing}; a technology gives every CostConstant ({string.Join(", ", Enum.GetNames<CostConstant>())}).",
                        t.Where);
            }
        }
        provenance[CostKey.Technology.Path] = technologyWhere;

        foreach (var constant in Enum.GetValues<CostConstant>())
        {
            var key = CostKey.Constant(constant);
            var where = technologyWhere.Source == ValueSource.Default ? Provenance.Default : Provenance.FromPreset(technology.Name, technologyWhere.File ?? "", technologyWhere.Line);
            if (settings.TryGet(key, out var s))
            {
                where = s.Where;
                if (Check(constant, s.Value, key.Name, s.Where, errors) && technology.Values.Any(v => v.Constant == constant))
                    technology = technology.With(constant, s.Value, $"set at {s.Where}");
            }
            else if (technology.Values.FirstOrDefault(v => v.Constant == constant) is { } preset)
                Check(constant, preset.Value, key.Name, technologyWhere, errors);
            provenance[key.Path] = where;
        }

        var schedule = settings.GetOr(CostKey.Schedule, TileSchedule.Parallel);
        provenance[CostKey.Schedule.Path] = schedule.Where;
        if (!Enum.IsDefined(schedule.Value))
            errors.Add(RuleCodes.CostSchedule, CostKey.Schedule.Name, (int)schedule.Value,
                $"TileSchedule must be TileSchedule.Parallel or TileSchedule.Sequential; got {(int)schedule.Value}.", schedule.Where);
        return new CostSpec(technology, schedule.Value);
    }

    /// <summary>True when <paramref name="value"/> is allowed for <paramref name="constant"/>; otherwise one error at its line.</summary>
    private static bool Check(CostConstant constant, double value, string name, Provenance where, Errors errors)
    {
        (int Min, int Max)? whole = constant switch
        {
            CostConstant.ColumnsPerAdc => (1, MaxColumnsPerAdc),
            CostConstant.UndeclaredAdcBits => (2, HardwareRules.MaxBits),   // as Adc bits (HW0801)
            CostConstant.UndeclaredInputBits => (1, HardwareRules.MaxBits),
            _ => null,
        };
        if (whole is { } w)
        {
            if (value >= w.Min && value <= w.Max && value == Math.Floor(value)) return true;
            errors.Add(RuleCodes.CostWhole, name, value, $"{name} must be a whole number in {w.Min}..{w.Max}; got {Format.Value(value)}.", where);
            return false;
        }
        if (value > 0 && double.IsFinite(value)) return true;
        errors.Add(RuleCodes.CostValue, name, value, $"{name} must be finite and > 0 (SI units, see CostConstant.{constant}); got {Format.Value(value)}.", where);
        return false;
    }
}
