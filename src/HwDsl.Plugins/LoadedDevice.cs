using HwDsl.Contracts;

namespace HwDsl.Plugins;

/// <summary>A device model the host offers, and where it came from.</summary>
/// <param name="Device">The model instance.</param>
/// <param name="Source"><see cref="BuiltIn"/> or the path of the plugin assembly.</param>
/// <param name="Plugin">The plugin folder's name (null for built-in devices).</param>
/// <param name="ContractVersion">The HwDsl.Contracts version the plugin was compiled against (null for built-in).</param>
public sealed record LoadedDevice(IDeviceModel Device, string Source, string? Plugin, Version? ContractVersion)
{
    /// <summary>The <see cref="Source"/> of devices compiled into hwdsl.</summary>
    public const string BuiltIn = "built-in";

    /// <summary>The device's name.</summary>
    public string Name => Device.Name;

    /// <summary>True for a device compiled into hwdsl.</summary>
    public bool IsBuiltIn => Source == BuiltIn;
}
