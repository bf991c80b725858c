using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// The device models an experiment can name. The built-in generic NVM model is always there; the plugin host
/// adds third-party models through <see cref="Register"/>. <see cref="Configure"/> turns a model, a preset and
/// overrides into a configured <see cref="IDevice"/>.
/// </summary>
public sealed class DeviceCatalog
{
    private readonly Dictionary<string, IDeviceModel> _devices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A catalog holding the built-in devices.</summary>
    public DeviceCatalog() => Register(NvmDevice.Instance);

    /// <summary>The catalog experiments use unless given another.</summary>
    public static DeviceCatalog Default { get; } = new();

    /// <summary>Names of every known device, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _devices.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Every known device model, sorted by name.</summary>
    public IReadOnlyList<IDeviceModel> Models => [.. _devices.Values.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Adds a device model; a second model with the same name is refused.</summary>
    public void Register(IDeviceModel device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (string.IsNullOrWhiteSpace(device.Name))
            throw new ArgumentException($"device model {device.GetType().FullName} has an empty name.", nameof(device));
        if (!_devices.TryAdd(device.Name, device))
            throw new ArgumentException($"a device named '{device.Name}' is already registered ({_devices[device.Name].GetType().FullName}).");
    }

    /// <summary>True and the model when <paramref name="name"/> is known.</summary>
    public bool TryResolve(string name, out IDeviceModel device) => _devices.TryGetValue(name, out device!);

    /// <summary>The device called <paramref name="name"/>; an unknown name is an error listing the known ones.</summary>
    public IDeviceModel Resolve(string name) => _devices.TryGetValue(name, out var device)
        ? device
        : throw new ArgumentException($"unknown device '{name}'; known devices: {string.Join(", ", Names)}.");

    /// <summary>
    /// The device <paramref name="name"/> configured from its defaults, <paramref name="preset"/> and
    /// <paramref name="overrides"/>; unknown names and out-of-range values are <see cref="ArgumentException"/>s listing what exists.
    /// </summary>
    public IDevice Configure(string name, string? preset = null, IReadOnlyDictionary<string, double>? overrides = null)
    {
        var model = Resolve(name);
        return model.Configure(DeviceSettings.Resolve(model, preset, overrides));
    }
}
