namespace HwDsl;

/// <summary>HW01xx checks of one hardware scope's own values (ranges, and analog values on a digital scope).</summary>
internal static class HardwareRules
{
    internal const int MaxBits = 16;
    internal const double MaxNonLinearity = 20;
    internal const double MaxSigma = 0.5;
    internal const int MaxTile = 4096;

    internal static void Check(HardwareScope scope, Errors errors)
    {
        errors.AddRange(scope.Pending);
        string prefix = scope is LayerOverride ? scope.ScopeName + "." : "";
        var settings = scope.Settings;
        void Each<TValue>(SettingKey<TValue> key, Action<string, TValue, Provenance> check)
        {
            if (settings.TryGet(key, out var s)) check(prefix + key.Name, s.Value, s.Where);
        }

        Each(HwKey.WeightBits, (p, v, w) => Bits(RuleCodes.WeightBits, p, v, w, errors));
        Each(HwKey.InputBits, (p, v, w) => Bits(RuleCodes.InputBits, p, v, w, errors));
        Each(HwKey.ActivationBits, (p, v, w) => Bits(RuleCodes.ActivationBits, p, v, w, errors));
        Each(HwKey.OnOffRatio, (p, v, w) => Ratio(RuleCodes.OnOffRatio, p, v, w, errors));
        Each(HwKey.NegativeOnOffRatio, (p, v, w) => Ratio(RuleCodes.NegativeOnOffRatio, p, v, w, errors));
        Each(HwKey.NonLinearity, (p, v, w) => Nu(RuleCodes.NonLinearity, p, v, w, errors));
        Each(HwKey.NegativeNonLinearity, (p, v, w) => Nu(RuleCodes.NegativeNonLinearity, p, v, w, errors));
        Each(HwKey.Asymmetry, (p, a, w) =>
        {
            if (!(a > -1 && a < 1))
                errors.Add(RuleCodes.Asymmetry, p, a, $"{p} must satisfy -1 < a < 1 (G- is scaled by 1 + a); got {Format.Value(a)}.", w);
        });
        Each(HwKey.Device, (p, v, w) =>
        {
            if (string.IsNullOrWhiteSpace(v))
                errors.Add(RuleCodes.Device, p, v, $"{p} must be a non-empty device model name; got {Format.Value(v)}.", w);
        });
        Each(HwKey.Range, (p, v, w) =>
        {
            if (v is null)
                errors.Add(RuleCodes.WeightRange, p, null, $"{p} must be WeightRange.MaxAbs, WeightRange.Fixed(w_max), WeightRange.Learned or Rounding.FittedScale; got null.", w);
            else if (v is FixedWeightRange f && !(f.Value > 0 && double.IsFinite(f.Value)))
                errors.Add(RuleCodes.WeightRange, p, f.Value, $"{p}: WeightRange.Fixed(w_max) needs a finite w_max > 0; got {Format.Value(f.Value)}.", w);
        });
        Each(HwKey.ProgrammingSigma, (p, v, w) => Sigma(RuleCodes.ProgrammingNoise, p, v, w, errors));
        Each(HwKey.ReadSigma, (p, v, w) => Sigma(RuleCodes.ReadNoise, p, v, w, errors));
        Each(HwKey.TileSize, (p, v, w) =>
        {
            if (v.Rows is < 1 or > MaxTile || v.Columns is < 1 or > MaxTile)
                errors.Add(RuleCodes.TileSize, p, $"{v.Rows}×{v.Columns}",
                    $"{p} must be 1..{MaxTile} rows × 1..{MaxTile} columns (one crossbar array); got {v.Rows}×{v.Columns}.", w);
        });

        if (settings.TryGet(HwKey.Digital, out var digital) && digital.Value)
        {
            foreach (var key in HwKey.AnalogOnly.Concat(settings.All.Select(a => a.Key).Where(HwKey.IsStage)))
            {
                if (settings.TryGetAny(key, out var s))
                    errors.Add(RuleCodes.AnalogParameterOnDigital, prefix + key.Name, s.Value,
                        $"{prefix}{key.Name} = {Format.Value(s.Value)} has no effect: {(prefix.Length == 0 ? "the hardware" : scope.ScopeName)} is Digital() (set at {digital.Where}), which computes in float; remove one of the two.",
                        s.Where);
            }
        }
    }

    private static void Bits(string code, string p, int? bits, Provenance where, Errors errors)
    {
        if (bits is int b && b is < 1 or > MaxBits)
            errors.Add(code, p, b, $"{p} must be in 1..{MaxBits}{(code == RuleCodes.WeightBits ? "" : " (or unset for float)")}; got {b}.", where);
    }

    private static void Ratio(string code, string p, double r, Provenance where, Errors errors)
    {
        if (!(r > 1))
            errors.Add(code, p, r, $"{p} must be greater than 1 (Gmax/Gmin), or +∞ for Gmin = 0; got {Format.Value(r)}.", where);
    }

    private static void Nu(string code, string p, double nu, Provenance where, Errors errors)
    {
        if (!(Math.Abs(nu) <= MaxNonLinearity))
            errors.Add(code, p, nu, $"{p} must be finite with |nu| <= {MaxNonLinearity} (0 is linear); got {Format.Value(nu)}.", where);
    }

    private static void Sigma(string code, string p, double sigma, Provenance where, Errors errors)
    {
        if (!(sigma >= 0 && sigma <= MaxSigma))
            errors.Add(code, p, sigma, $"{p} sigma must be in [0, {MaxSigma}] (a fraction of Gmax); got {Format.Value(sigma)}.", where);
    }
}
