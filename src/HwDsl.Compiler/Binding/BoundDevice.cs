using System.Globalization;
using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// A layer's device after binding: the model from the catalog, its preset, every parameter with its final value and
/// provenance, and the configured <see cref="IDevice"/> the layer programs and reads.
/// </summary>
public sealed class BoundDevice
{
    internal BoundDevice(IDeviceModel model, string? preset, IReadOnlyList<BoundParameter> parameters, IDevice device)
    {
        Model = model;
        Preset = preset;
        Parameters = parameters;
        Device = device;
        Settings = new DeviceSettings(parameters.ToDictionary(p => p.Declared.Name, p => p.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The device model.</summary>
    public IDeviceModel Model { get; }

    /// <summary>The model's name.</summary>
    public string Name => Model.Name;

    /// <summary>The model's version (recorded in run.json).</summary>
    public string Version => Model.Version;

    /// <summary>The device preset in use, or null for the device's defaults.</summary>
    public string? Preset { get; }

    /// <summary>Every declared parameter, in the device's order, with its value and provenance.</summary>
    public IReadOnlyList<BoundParameter> Parameters { get; }

    /// <summary>The settings the device was configured with (every parameter).</summary>
    public DeviceSettings Settings { get; }

    /// <summary>The configured device.</summary>
    public IDevice Device { get; }

    /// <summary><c>rram 1.2.0, preset 'wan2022'</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} {Version}{(Preset is null ? "" : $", preset '{Preset}'")}");
}
