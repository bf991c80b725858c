using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// The device models an experiment can name. The built-in generic NVM model is always there; the plugin host
/// adds third-party models through <see cref="Register"/>.
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

    /// <summary>Adds a device model; a second model with the same name is refused.</summary>
    public void Register(IDeviceModel device)
    {
        if (!_devices.TryAdd(device.Name, device))
            throw new ArgumentException($"a device named '{device.Name}' is already registered ({_devices[device.Name].GetType().FullName}).");
    }

    /// <summary>The device called <paramref name="name"/>; an unknown name is an error listing the known ones.</summary>
    public IDeviceModel Resolve(string name) => _devices.TryGetValue(name, out var device)
        ? device
        : throw new ArgumentException($"unknown device '{name}'; known devices: {string.Join(", ", Names)}.");
}
