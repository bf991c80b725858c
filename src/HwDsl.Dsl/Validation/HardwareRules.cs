namespace HwDsl;

/// <summary>HW01xx checks of one hardware scope's own values (ranges, and analog values on a digital scope).</summary>
internal static class HardwareRules
{
    internal const int MaxBits = 16;
    internal const double MaxNonLinearity = 20;
    internal const double MaxSigma = 0.5;

    internal static void Check(HardwareScope scope, Errors errors)
    {
        errors.AddRange(scope.Pending);
        string prefix = scope is LayerOverride ? scope.ScopeName + "." : "";
        foreach (var (key, s) in scope.Settings.All)
        {
            string p = prefix + key;
            switch (key)
            {
                case HwKey.WeightBits: Bits(RuleCodes.WeightBits, p, (int?)s.Value, s.Where, errors); break;
                case HwKey.InputBits: Bits(RuleCodes.InputBits, p, (int?)s.Value, s.Where, errors); break;
                case HwKey.ActivationBits: Bits(RuleCodes.ActivationBits, p, (int?)s.Value, s.Where, errors); break;
                case HwKey.OnOffRatio: Ratio(RuleCodes.OnOffRatio, p, (double)s.Value!, s.Where, errors); break;
                case HwKey.NegativeOnOffRatio: Ratio(RuleCodes.NegativeOnOffRatio, p, (double)s.Value!, s.Where, errors); break;
                case HwKey.NonLinearity: Nu(RuleCodes.NonLinearity, p, (double)s.Value!, s.Where, errors); break;
                case HwKey.NegativeNonLinearity: Nu(RuleCodes.NegativeNonLinearity, p, (double)s.Value!, s.Where, errors); break;
                case HwKey.Asymmetry:
                    double a = (double)s.Value!;
                    if (!(a > -1 && a < 1))
                        errors.Add(RuleCodes.Asymmetry, p, a,
                            $"{p} must satisfy -1 < a < 1 (G- is scaled by 1 + a); got {Format.Value(a)}.", s.Where);
                    break;
                case HwKey.Device:
                    if (string.IsNullOrWhiteSpace((string?)s.Value))
                        errors.Add(RuleCodes.Device, p, s.Value, $"{p} must be a non-empty device model name; got {Format.Value(s.Value)}.", s.Where);
                    break;
                case HwKey.Range:
                    if (s.Value is null)
                        errors.Add(RuleCodes.WeightRange, p, null, $"{p} must be WeightRange.MaxAbs, WeightRange.Fixed(w_max) or Rounding.FittedScale; got null.", s.Where);
                    else if (s.Value is FixedWeightRange f && !(f.Value > 0 && double.IsFinite(f.Value)))
                        errors.Add(RuleCodes.WeightRange, p, f.Value,
                            $"{p}: WeightRange.Fixed(w_max) needs a finite w_max > 0; got {Format.Value(f.Value)}.", s.Where);
                    break;
                case HwKey.ProgrammingSigma: Sigma(RuleCodes.ProgrammingNoise, p, (double)s.Value!, s.Where, errors); break;
                case HwKey.ReadSigma: Sigma(RuleCodes.ReadNoise, p, (double)s.Value!, s.Where, errors); break;
            }
        }

        if (scope.Settings.TryGet(HwKey.Digital, out var digital) && digital.Value is true)
        {
            foreach (var key in HwKey.AnalogOnly)
            {
                if (scope.Settings.TryGet(key, out var s))
                    errors.Add(RuleCodes.AnalogParameterOnDigital, prefix + key, s.Value,
                        $"{prefix}{key} = {Format.Value(s.Value)} has no effect: {(prefix.Length == 0 ? "the hardware" : scope.ScopeName)} is Digital() (set at {digital.Where}), which computes in float; remove one of the two.",
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
