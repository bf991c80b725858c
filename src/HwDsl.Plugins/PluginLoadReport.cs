namespace HwDsl.Plugins;

/// <summary>What a load (or reload) produced: the devices on offer and one diagnostic per problem.</summary>
/// <param name="Devices">Built-in devices first, then plugin devices in load order.</param>
/// <param name="Diagnostics">Problems; the plugins not named here loaded.</param>
public sealed record PluginLoadReport(IReadOnlyList<LoadedDevice> Devices, IReadOnlyList<PluginDiagnostic> Diagnostics)
{
    /// <summary>The plugin devices only.</summary>
    public IEnumerable<LoadedDevice> PluginDevices => Devices.Where(d => !d.IsBuiltIn);
}
