using System.Globalization;
using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// Binds one analog layer's device: the model from the catalog, its preset and parameter overrides, each value checked
/// once against the device's declaration (HW0142–HW0146), reported at the script line that set it and listing what exists.
/// </summary>
internal static class DeviceBinding
{
    internal static BoundDevice? Bind(ExperimentSpec spec, LayerHardware layer, DeviceCatalog catalog, List<SpecError> errors)
    {
        var i = layer.Index;
        if (!catalog.TryResolve(layer.Device, out var model))
        {
            errors.Add(new SpecError(RuleCodes.UnknownDevice, "Device", Quote(layer.Device),
                $"Device {Quote(layer.Device)} is not known; known devices: {string.Join(", ", catalog.Names)} (plugins add more).",
                spec.SourceOf(i, LayerValue.Device)));
            return null;
        }

        var ok = true;
        var declared = model.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var values = model.Parameters.ToDictionary(p => p.Name, p => (p.Default, Where: Provenance.FromDevice(model.Name)), StringComparer.OrdinalIgnoreCase);
        var choice = layer.DeviceChoice;
        string? presetName = null;
        if (choice.Preset is { } wanted)
        {
            var preset = model.Presets.FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
            var where = spec.SourceOf(i, LayerValue.DevicePreset);
            if (preset is null)
            {
                errors.Add(new SpecError(RuleCodes.UnknownDevicePreset, "DevicePreset", Quote(wanted),
                    $"Device '{model.Name}' has no preset {Quote(wanted)}; its presets: {DeviceSettings.PresetListing(model)}.", where));
                ok = false;
            }
            else
            {
                presetName = preset.Name;
                // A plugin's preset is checked like a script's value: a bad one names the preset and where it was chosen.
                var fromPreset = new Provenance(ValueSource.Preset, where.File, where.Line, $"{model.Name}/{preset.Name}");
                foreach (var (name, value) in preset.Values)
                    ok &= Set(model, declared, values, name, value, $"preset '{preset.Name}' of device '{model.Name}' sets", fromPreset, where, errors);
            }
        }
        foreach (var p in choice.Parameters)
        {
            var where = spec.SourceOfDeviceParameter(i, p.Name);
            ok &= Set(model, declared, values, p.Name, p.Value, $"DeviceParameter on device '{model.Name}':", where, where, errors);
        }
        if (!ok) return null;

        var parameters = model.Parameters.Select(p => new BoundParameter(p, values[p.Name].Default, values[p.Name].Where)).ToList();
        IDevice device;
        var settings = new DeviceSettings(parameters.ToDictionary(p => p.Declared.Name, p => p.Value, StringComparer.OrdinalIgnoreCase));
        try
        {
            device = model.Configure(settings);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"device '{model.Name}' {model.Version} failed to configure ({choice}): {e.Message}", e);
        }
        if (layer.WeightBits > device.MaxBits)
        {
            errors.Add(new SpecError(RuleCodes.DeviceBits, "WeightBits", layer.WeightBits.ToString(CultureInfo.InvariantCulture),
                $"WeightBits = {layer.WeightBits} on layer {i}, but device '{model.Name}' holds at most {device.MaxBits} bit{(device.MaxBits == 1 ? "" : "s")} per element.",
                spec.SourceOf(i, LayerValue.WeightBits)));
            return null;
        }
        return new BoundDevice(model, presetName, parameters, device);
    }

    private static bool Set(IDeviceModel model, Dictionary<string, DeviceParameter> declared, Dictionary<string, (double Default, Provenance Where)> values,
        string name, double value, string what, Provenance source, Provenance where, List<SpecError> errors)
    {
        if (!declared.TryGetValue(name, out var p))
        {
            errors.Add(new SpecError(RuleCodes.UnknownDeviceParameter, "DeviceParameter", Quote(name),
                $"{what} unknown parameter {Quote(name)}; its parameters: {DeviceSettings.Listing(model)}.", where));
            return false;
        }
        if (!p.Allows(value))
        {
            var text = value.ToString("G6", CultureInfo.InvariantCulture);
            errors.Add(new SpecError(RuleCodes.DeviceParameterRange, "DeviceParameter", text,
                $"{what} {p.Name} = {text}, outside its range [{p.Min:G6}, {p.Max:G6}] {p.Unit} ({p.Description}).", where));
            return false;
        }
        values[p.Name] = (value, source);
        return true;
    }

    private static string Quote(string? s) => s is null ? "null" : $"\"{s}\"";
}
