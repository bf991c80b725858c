namespace HwDsl;

/// <summary>Resolves the hardware of each Dense layer (defaults, then the experiment's hardware, then overrides in order) and checks combinations.</summary>
internal static class LayerResolver
{
    private static readonly ElementSpec Ideal = ElementSpec.Ideal;

    internal static IReadOnlyList<LayerHardware> Resolve(HardwareBuilder hardware, IReadOnlyList<LayerOverride> overrides,
        NetworkSpec network, Errors errors, Dictionary<string, Provenance> provenance)
    {
        int n = network.Dense.Count();
        foreach (var o in overrides)
        {
            int i = o.Resolve(n);
            if (i < 0 || i >= n)
                errors.Add(RuleCodes.LayerIndex, o.ScopeName, o.FromEnd ? i : o.Index,
                    $"{o.ScopeName} does not exist: the network has {n} Dense layer{(n == 1 ? "" : "s")}{(n > 0 ? $" (indices 0..{n - 1})" : "")}.",
                    o.Where);
        }

        var layers = new List<LayerHardware>(n);
        for (int i = 0; i < n; i++)
        {
            var merged = new Dictionary<string, (Setting Setting, HardwareScope Scope)>(StringComparer.Ordinal);
            foreach (var (k, s) in hardware.Settings.All) merged[k] = (s, hardware);
            foreach (var o in overrides.Where(o => o.Resolve(n) == i))
                foreach (var (k, s) in o.Settings.All) merged[k] = (s, o);
            layers.Add(DefectRules.Resolve(ResolveLayer(i, n, merged, network, errors, provenance), merged, errors, provenance));
        }
        return new EquatableList<LayerHardware>(layers);
    }

    private static LayerHardware ResolveLayer(int i, int n, Dictionary<string, (Setting Setting, HardwareScope Scope)> merged,
        NetworkSpec network, Errors errors, Dictionary<string, Provenance> provenance)
    {
        Setting Get(string key, object? fallback) => merged.TryGetValue(key, out var m) ? m.Setting : new Setting(fallback, Provenance.Default);
        string at = $"Layers[{i}].";
        void Record(string path, Setting s) => provenance[at + path] = s.Where;

        var digital = Get(HwKey.Digital, false);
        var device = Get(HwKey.Device, Hardware.DefaultDevice);
        var mapping = Get(HwKey.Mapping, WeightMapping.DifferentialPair);
        var range = Get(HwKey.Range, WeightRange.MaxAbs);
        Record("Digital", digital);
        Record("Device", device);
        Record("Mapping", mapping);
        Record("Range", range);

        if (digital.Value is true)
        {
            foreach (var path in new[] { "WeightBits", "InputBits", "ActivationBits", "Positive.OnOffRatio", "Positive.NonLinearity",
                "Positive.Scale", "Negative.OnOffRatio", "Negative.NonLinearity", "Negative.Scale", "ProgrammingSigma", "ReadSigma" })
                Record(path, digital);
            return new LayerHardware(i, true, (string)device.Value!, (WeightMapping)mapping.Value!, LayerHardware.FloatBits,
                null, null, Ideal, Ideal, (WeightRange)range.Value!, 0, 0);
        }

        var weightBits = Get(HwKey.WeightBits, Hardware.DefaultWeightBits);
        var inputBits = Get(HwKey.InputBits, null);
        var activationBits = ActivationBits(i, n, merged, network, errors);
        var ratio = Get(HwKey.OnOffRatio, double.PositiveInfinity);
        var nu = Get(HwKey.NonLinearity, 0.0);
        var asymmetry = Get(HwKey.Asymmetry, 0.0);
        var negRatio = merged.ContainsKey(HwKey.NegativeOnOffRatio) ? Get(HwKey.NegativeOnOffRatio, null) : ratio;
        var negNu = merged.ContainsKey(HwKey.NegativeNonLinearity) ? Get(HwKey.NegativeNonLinearity, null) : nu;
        var programming = Get(HwKey.ProgrammingSigma, 0.0);
        var read = Get(HwKey.ReadSigma, 0.0);

        var positive = new ElementSpec((double)ratio.Value!, (double)nu.Value!, 1);
        ElementSpec negative;
        if ((WeightMapping)mapping.Value! == WeightMapping.SingleWithReference)
        {
            foreach (var key in new[] { HwKey.Asymmetry, HwKey.NegativeOnOffRatio, HwKey.NegativeNonLinearity })
            {
                // A preset describes a device, which may be used either way: only the script's own settings are refused.
                if (merged.TryGetValue(key, out var m) && m.Setting.Where.Source == ValueSource.Explicit
                    && !(key == HwKey.Asymmetry && m.Setting.Value is 0.0))
                    errors.Add(RuleCodes.NoNegativeElement, Prefix(m.Scope) + key, m.Setting.Value,
                        $"{Prefix(m.Scope)}{key} = {Format.Value(m.Setting.Value)} needs a differential pair, but the layer uses a single element with reference (set at {mapping.Where}), which has no G- element.",
                        m.Setting.Where);
            }
            negative = positive;
            negRatio = ratio;
            negNu = nu;
            asymmetry = new Setting(0.0, mapping.Where);
        }
        else
        {
            negative = new ElementSpec((double)negRatio.Value!, (double)negNu.Value!, 1 + (double)asymmetry.Value!);
        }

        Record("WeightBits", weightBits);
        Record("InputBits", inputBits);
        Record("ActivationBits", activationBits);
        Record("Positive.OnOffRatio", ratio);
        Record("Positive.NonLinearity", nu);
        Record("Positive.Scale", new Setting(1.0, Provenance.Default));
        Record("Negative.OnOffRatio", negRatio);
        Record("Negative.NonLinearity", negNu);
        Record("Negative.Scale", asymmetry);
        Record("ProgrammingSigma", programming);
        Record("ReadSigma", read);

        return new LayerHardware(i, false, (string)device.Value!, (WeightMapping)mapping.Value!, (int)weightBits.Value!,
            (int?)inputBits.Value, (int?)activationBits.Value, positive, negative, (WeightRange)range.Value!,
            (double)programming.Value!, (double)read.Value!);
    }

    /// <summary>
    /// ActivationBits quantize the output of the activation after the layer: that needs ClippedRelu or Sign (HW0121).
    /// The last layer's output is the logits: an inherited value is dropped there, one set on that layer is refused (HW0122).
    /// </summary>
    private static Setting ActivationBits(int i, int n, Dictionary<string, (Setting Setting, HardwareScope Scope)> merged,
        NetworkSpec network, Errors errors)
    {
        if (!merged.TryGetValue(HwKey.ActivationBits, out var m) || m.Setting.Value is null)
            return new Setting(null, m.Setting.Value is null && merged.ContainsKey(HwKey.ActivationBits) ? m.Setting.Where : Provenance.Default);

        string p = Prefix(m.Scope) + HwKey.ActivationBits;
        if (i == n - 1)
        {
            if (m.Scope is LayerOverride)
                errors.Add(RuleCodes.ActivationBitsOnLastLayer, p, m.Setting.Value,
                    $"{p} = {Format.Value(m.Setting.Value)} is set on the last Dense layer ({i}), whose output is the logits (softmax cross-entropy follows; there is no activation to quantize).",
                    m.Setting.Where);
            return new Setting(null, Provenance.Default);
        }

        var act = network.ActivationAfter(i);
        if (act is not (ActivationKind.ClippedRelu or ActivationKind.Sign))
        {
            string why = act switch
            {
                ActivationKind.Relu => "Relu, which is unbounded",
                ActivationKind.Tanh => "Tanh, which is signed",
                _ => "no activation (a linear output, unbounded)",
            };
            errors.Add(RuleCodes.ActivationBitsNeedBoundedActivation, p, m.Setting.Value,
                $"{p} = {Format.Value(m.Setting.Value)} applies to Dense layer {i}, which is followed by {why}; activation quantization clips to [0, 1] and needs ClippedRelu or Sign.",
                m.Setting.Where);
        }
        return m.Setting;
    }

    private static string Prefix(HardwareScope scope) => scope is LayerOverride ? scope.ScopeName + "." : "";
}
