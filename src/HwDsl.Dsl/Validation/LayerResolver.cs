namespace HwDsl;

/// <summary>Resolves the hardware of each weight layer, Dense or Conv2d (defaults, then the experiment's hardware, then
/// overrides in order) and checks combinations.</summary>
internal static class LayerResolver
{
    private static readonly ElementSpec Ideal = ElementSpec.Ideal;

    /// <summary>Every analog value a digital layer reports as set by its Digital() (it has none of its own).</summary>
    private static readonly LayerValue[] AnalogValues =
    [
        LayerValue.WeightBits, LayerValue.InputBits, LayerValue.ActivationBits, LayerValue.OnOffRatio, LayerValue.NonLinearity,
        LayerValue.NegativeOnOffRatio, LayerValue.NegativeNonLinearity, LayerValue.Asymmetry, LayerValue.ProgrammingNoise,
        LayerValue.ReadNoise, LayerValue.TileRows, LayerValue.TileColumns,
    ];

    internal static IReadOnlyList<LayerHardware> Resolve(HardwareBuilder hardware, IReadOnlyList<LayerOverride> overrides,
        NetworkSpec network, Errors errors, Dictionary<string, Provenance> provenance)
    {
        int n = network.WeightLayers.Count;
        foreach (var o in overrides)
        {
            int i = o.Resolve(n);
            if (i < 0 || i >= n)
                errors.Add(RuleCodes.LayerIndex, o.ScopeName, o.FromEnd ? i : o.Index,
                    $"{o.ScopeName} does not exist: the network has {n} {Noun(network, plural: n != 1)}{(n > 0 ? $" (indices 0..{n - 1})" : "")}.",
                    o.Where);
        }

        var layers = new List<LayerHardware>(n);
        for (int i = 0; i < n; i++)
        {
            var settings = new LayerSettings([hardware, .. overrides.Where(o => o.Resolve(n) == i)]);
            var layer = ResolveLayer(i, n, settings, network, errors, provenance);
            layers.Add(DefectRules.Resolve(layer, settings, errors, provenance));
        }
        return new EquatableList<LayerHardware>(layers);
    }

    private static LayerHardware ResolveLayer(int i, int n, LayerSettings merged, NetworkSpec network, Errors errors,
        Dictionary<string, Provenance> provenance)
    {
        void Record(LayerValue value, Provenance where) => provenance[LayerValues.Path(i, value)] = where;

        var digital = merged.Get(HwKey.Digital, false);
        var device = merged.Get(HwKey.Device, Hardware.DefaultDevice);
        var mapping = merged.Get(HwKey.Mapping, WeightMapping.DifferentialPair);
        var range = merged.Get<WeightRange?>(HwKey.Range, WeightRange.MaxAbs);
        Record(LayerValue.Digital, digital.Where);
        Record(LayerValue.Device, device.Where);
        Record(LayerValue.Mapping, mapping.Where);
        Record(LayerValue.WeightRange, range.Where);

        if (digital.Value)
        {
            foreach (var value in AnalogValues) Record(value, digital.Where);
            return new LayerHardware(i, true, device.Value, mapping.Value, LayerHardware.FloatBits,
                null, null, Ideal, Ideal, range.Value!, 0, 0);
        }

        var weightBits = merged.Get(HwKey.WeightBits, Hardware.DefaultWeightBits);
        var inputBits = merged.Get(HwKey.InputBits, null);
        var activationBits = ActivationBits(i, n, merged, network, errors);
        var ratio = merged.Get(HwKey.OnOffRatio, double.PositiveInfinity);
        var nu = merged.Get(HwKey.NonLinearity, 0.0);
        var asymmetry = merged.Get(HwKey.Asymmetry, 0.0);
        var negRatio = merged.Has(HwKey.NegativeOnOffRatio) ? merged.Get(HwKey.NegativeOnOffRatio, double.NaN) : ratio;
        var negNu = merged.Has(HwKey.NegativeNonLinearity) ? merged.Get(HwKey.NegativeNonLinearity, double.NaN) : nu;
        var programming = merged.Get(HwKey.ProgrammingSigma, 0.0);
        var read = merged.Get(HwKey.ReadSigma, 0.0);
        var tile = merged.Get(HwKey.TileSize, (Rows: Hardware.DefaultTileRows, Columns: Hardware.DefaultTileColumns));

        var positive = new ElementSpec(ratio.Value, nu.Value, 1);
        ElementSpec negative;
        if (mapping.Value == WeightMapping.SingleWithReference)
        {
            foreach (var key in new[] { HwKey.Asymmetry, HwKey.NegativeOnOffRatio, HwKey.NegativeNonLinearity })
            {
                // A preset describes a device, which may be used either way: only the script's own settings are refused.
                if (merged.TryGet(key, out var m, out var scope) && m.Where.Source == ValueSource.Explicit
                    && !(key == HwKey.Asymmetry && m.Value == 0.0))
                    errors.Add(RuleCodes.NoNegativeElement, LayerSettings.Prefix(scope) + key.Name, m.Value,
                        $"{LayerSettings.Prefix(scope)}{key.Name} = {Format.Value(m.Value)} needs a differential pair, but the layer uses a single element with reference (set at {mapping.Where}), which has no G- element.",
                        m.Where);
            }
            negative = positive;
            negRatio = ratio;
            negNu = nu;
            asymmetry = new Setting<double>(0.0, mapping.Where);
        }
        else
        {
            negative = new ElementSpec(negRatio.Value, negNu.Value, 1 + asymmetry.Value);
        }

        Record(LayerValue.WeightBits, weightBits.Where);
        Record(LayerValue.InputBits, inputBits.Where);
        Record(LayerValue.ActivationBits, activationBits.Where);
        Record(LayerValue.OnOffRatio, ratio.Where);
        Record(LayerValue.NonLinearity, nu.Where);
        Record(LayerValue.NegativeOnOffRatio, negRatio.Where);
        Record(LayerValue.NegativeNonLinearity, negNu.Where);
        Record(LayerValue.Asymmetry, asymmetry.Where);
        Record(LayerValue.ProgrammingNoise, programming.Where);
        Record(LayerValue.ReadNoise, read.Where);
        Record(LayerValue.TileRows, tile.Where);
        Record(LayerValue.TileColumns, tile.Where);

        var layer = new LayerHardware(i, false, device.Value, mapping.Value, weightBits.Value, inputBits.Value, activationBits.Value,
            positive, negative, range.Value!, programming.Value, read.Value)
        {
            TileRows = tile.Value.Rows,
            TileColumns = tile.Value.Columns,
        };
        return layer with { Periphery = Stages(layer, merged, errors, provenance) };
    }

    /// <summary>The layer's periphery stages in pipeline order, each checked by its own rules at the line that set it.</summary>
    private static EquatableList<PeripheryStageSpec> Stages(LayerHardware layer, LayerSettings merged, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var stages = merged.Stages.OrderBy(s => s.Stage.Place).ThenBy(s => s.Stage.Position).ThenBy(s => s.Stage.Name, StringComparer.Ordinal).ToList();
        // Binary() is applied to the layer later (DefectRules); the stages' rules need it now (IrDrop on binary, HW0807).
        var checkedLayer = layer with { Binary = merged.Get(HwKey.Binary, false).Value };
        foreach (var (stage, where, scope) in stages)
        {
            provenance[$"Layers[{layer.Index}].{HwKey.StagePrefix}{stage.Name}"] = where;
            foreach (var p in stage.Check(checkedLayer))
                errors.Add(p.Code, LayerSettings.Prefix(scope) + p.Parameter, p.Value, p.Message, where);
        }
        return new EquatableList<PeripheryStageSpec>(stages.Select(s => s.Stage));
    }

    /// <summary>
    /// ActivationBits quantize the output of the activation after the layer: that needs ClippedRelu or Sign (HW0121).
    /// The last layer's output is the logits: an inherited value is dropped there, one set on that layer is refused (HW0122).
    /// </summary>
    private static Setting<int?> ActivationBits(int i, int n, LayerSettings merged, NetworkSpec network, Errors errors)
    {
        if (!merged.TryGet(HwKey.ActivationBits, out var m, out var scope)) return new Setting<int?>(null, Provenance.Default);
        if (m.Value is null) return m;

        string p = LayerSettings.Prefix(scope) + HwKey.ActivationBits.Name;
        if (i == n - 1)
        {
            if (scope is LayerOverride)
                errors.Add(RuleCodes.ActivationBitsOnLastLayer, p, m.Value,
                    $"{p} = {Format.Value(m.Value)} is set on the last {Noun(network)} ({i}), whose output is the logits (softmax cross-entropy follows; there is no activation to quantize).",
                    m.Where);
            return new Setting<int?>(null, Provenance.Default);
        }

        var act = ActivationAfter(network, i);
        if (act is not (ActivationKind.ClippedRelu or ActivationKind.Sign))
        {
            string why = act switch
            {
                ActivationKind.Relu => "Relu, which is unbounded",
                ActivationKind.Tanh => "Tanh, which is signed",
                _ => "no activation (a linear output, unbounded)",
            };
            errors.Add(RuleCodes.ActivationBitsNeedBoundedActivation, p, m.Value,
                $"{p} = {Format.Value(m.Value)} applies to {Noun(network)} {i}, which is followed by {why}; activation quantization clips to [0, 1] and needs ClippedRelu or Sign.",
                m.Where);
        }
        return m;
    }

    /// <summary>What per-layer indices count: Dense layers, or in a network with convolutions every weight layer.</summary>
    private static string Noun(NetworkSpec network, bool plural = false) =>
        (network.Layers.Any(l => l is Conv2dSpec) ? "weight layer" : "Dense layer") + (plural ? "s" : "")
        + (network.Layers.Any(l => l is Conv2dSpec) ? " (Dense or Conv2d)" : "");

    /// <summary>The activation whose output weight layer <paramref name="i"/>'s activation bits quantize: the one right after
    /// it, or after the pools that follow a Conv2d (Conv2d → MaxPool → ClippedRelu is as common as the other order).</summary>
    private static ActivationKind? ActivationAfter(NetworkSpec network, int i)
    {
        var item = network.ItemOfWeightLayer(i);
        var next = item + 1;
        while (next < network.Layers.Count && network.Layers[next] is PoolSpec) next++;
        return next < network.Layers.Count && network.Layers[next] is ActivationSpec a ? a.Kind : null;
    }
}
