namespace HwDsl;

/// <summary>
/// Resolves each analog layer's <see cref="DeviceChoice"/> (device preset and parameter overrides) from the
/// experiment's hardware and the layer's overrides, in order; HW0140/HW0141 are the checks that need no device
/// catalog. A layer override that sets <c>Device(...)</c> starts afresh: the device preset and parameters set before it
/// (for the experiment's device) are not inherited. Names and ranges are checked by the compiler (HW0142–HW0146).
/// </summary>
internal static class DeviceResolver
{
    internal static IReadOnlyList<LayerHardware> Apply(HardwareBuilder hardware, IReadOnlyList<LayerOverride> overrides,
        IReadOnlyList<LayerHardware> layers, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var n = layers.Count;
        var result = new List<LayerHardware>(n);
        foreach (var layer in layers)
        {
            if (layer.Digital)
            {
                result.Add(layer);
                continue;
            }
            var scopes = new List<HardwareScope> { hardware };
            scopes.AddRange(overrides.Where(o => o.Resolve(n) == layer.Index));
            var start = scopes.FindLastIndex(s => s.Settings.Has(HwKey.Device));
            string? preset = null;
            var parameters = new Dictionary<string, DeviceParameterValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var scope in scopes.Skip(Math.Max(start, 0)))
            {
                var prefix = scope is LayerOverride ? scope.ScopeName + "." : "";
                foreach (var (key, s) in scope.Settings.All)
                {
                    if (key.Equals(HwKey.DevicePreset))
                    {
                        preset = (string?)s.Value;
                        provenance[LayerValues.Path(layer.Index, LayerValue.DevicePreset)] = s.Where;
                        if (string.IsNullOrWhiteSpace(preset))
                            errors.Add(RuleCodes.DevicePresetName, prefix + key.Name, s.Value,
                                $"{prefix}{key.Name} must be a non-empty preset name of the device; got {Format.Value(s.Value)}.", s.Where);
                    }
                    else if (HwKey.IsDeviceParameter(key))
                    {
                        var value = (DeviceParameterValue)s.Value!;
                        if (string.IsNullOrWhiteSpace(value.Name) || !double.IsFinite(value.Value))
                        {
                            errors.Add(RuleCodes.DeviceParameterValue, prefix + "DeviceParameter", value.Value,
                                $"{prefix}DeviceParameter({Format.Value(value.Name)}, {Format.Value(value.Value)}) needs a non-empty parameter name and a finite value.", s.Where);
                            continue;
                        }
                        parameters.Remove(value.Name);
                        parameters[value.Name] = value;
                        provenance[$"Layers[{layer.Index}].{key.Path}"] = s.Where;
                    }
                }
            }
            result.Add(layer with { DeviceChoice = new DeviceChoice(preset, new EquatableList<DeviceParameterValue>(parameters.Values)) });
        }
        return new EquatableList<LayerHardware>(result);
    }
}
