using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// Resolves each analog layer's device against a <see cref="DeviceCatalog"/>: the model, its preset, parameter
/// overrides and bit width, reported as <see cref="SpecError"/>s (HW0142–HW0146) at the script line that set the value,
/// all at once, each listing what exists.
/// </summary>
public static class DeviceBinder
{
    /// <summary>One configured device per layer (null for a digital layer); throws <see cref="SpecException"/> on any error.</summary>
    public static IReadOnlyList<IDevice?> Bind(ExperimentSpec spec, DeviceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<SpecError>();
        var devices = new List<IDevice?>();
        foreach (var layer in spec.Layers)
        {
            devices.Add(layer.Digital ? null : BindLayer(spec, layer, catalog, errors));
        }
        if (errors.Count > 0) throw new SpecException([.. errors.Distinct()]);
        return devices;
    }

    private static IDevice? BindLayer(ExperimentSpec spec, LayerHardware layer, DeviceCatalog catalog, List<SpecError> errors)
    {
        var at = $"Layers[{layer.Index}].";
        if (!catalog.TryResolve(layer.Device, out var model))
        {
            errors.Add(new SpecError(RuleCodes.UnknownDevice, "Device", Quote(layer.Device),
                $"Device {Quote(layer.Device)} is not known; known devices: {string.Join(", ", catalog.Names)} (plugins add more).",
                spec.SourceOf(at + "Device")));
            return null;
        }

        var ok = true;
        var parameters = model.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var choice = layer.DeviceChoice;
        if (choice.Preset is { } presetName)
        {
            var preset = model.Presets.FirstOrDefault(p => string.Equals(p.Name, presetName, StringComparison.OrdinalIgnoreCase));
            var where = spec.SourceOf(at + "DevicePreset");
            if (preset is null)
            {
                errors.Add(new SpecError(RuleCodes.UnknownDevicePreset, "DevicePreset", Quote(presetName),
                    $"Device '{model.Name}' has no preset {Quote(presetName)}; its presets: {DeviceSettings.PresetListing(model)}.", where));
                ok = false;
            }
            else
            {
                // A plugin's preset is checked like a script's value: a bad one names the preset and where it was chosen.
                foreach (var (name, value) in preset.Values)
                    ok &= Check(model, parameters, name, value, $"preset '{preset.Name}' of device '{model.Name}' sets", where, errors);
            }
        }
        foreach (var p in choice.Parameters)
            ok &= Check(model, parameters, p.Name, p.Value, $"DeviceParameter on device '{model.Name}':",
                spec.SourceOf(at + "DeviceParameters." + p.Name), errors);
        if (!ok) return null;

        IDevice device;
        try
        {
            device = model.Configure(DeviceSettings.Resolve(model, choice.Preset, choice.Parameters.ToDictionary(p => p.Name, p => p.Value)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"device '{model.Name}' {model.Version} failed to configure ({choice}): {e.Message}", e);
        }
        if (layer.WeightBits > device.MaxBits)
        {
            errors.Add(new SpecError(RuleCodes.DeviceBits, "WeightBits", layer.WeightBits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"WeightBits = {layer.WeightBits} on layer {layer.Index}, but device '{model.Name}' holds at most {device.MaxBits} bit{(device.MaxBits == 1 ? "" : "s")} per element.",
                spec.SourceOf(at + "WeightBits")));
            return null;
        }
        return device;
    }

    private static bool Check(IDeviceModel model, Dictionary<string, DeviceParameter> parameters, string name, double value,
        string what, Provenance where, List<SpecError> errors)
    {
        if (!parameters.TryGetValue(name, out var p))
        {
            errors.Add(new SpecError(RuleCodes.UnknownDeviceParameter, "DeviceParameter", Quote(name),
                $"{what} unknown parameter {Quote(name)}; its parameters: {DeviceSettings.Listing(model)}.", where));
            return false;
        }
        if (!p.Allows(value))
        {
            errors.Add(new SpecError(RuleCodes.DeviceParameterRange, "DeviceParameter", value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
                $"{what} {p.Name} = {value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, outside its range [{p.Min:G6}, {p.Max:G6}] {p.Unit} ({p.Description}).", where));
            return false;
        }
        return true;
    }

    private static string Quote(string? s) => s is null ? "null" : $"\"{s}\"";
}
