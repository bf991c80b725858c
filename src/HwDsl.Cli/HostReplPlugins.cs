using HwDsl.Plugins;
using HwDsl.Scripting;
using HwDsl.Scripting.Repl;

namespace HwDsl.Cli;

/// <summary>
/// The REPL's <c>#plugins</c> and <c>#reload</c> over the plugin host. Every reload — <c>#reload</c> or the file
/// watcher — hands the new catalog to the session, so the next experiment sees the rebuilt devices.
/// </summary>
internal sealed class HostReplPlugins : IReplPlugins
{
    private readonly PluginHost _host;

    public HostReplPlugins(PluginHost host, ScriptGlobals globals)
    {
        _host = host;
        globals.UseDevices(host.Catalog);
        host.Reloaded += (_, _) => globals.UseDevices(host.Catalog);
    }

    public IReadOnlyList<string> Describe()
    {
        var report = _host.Report;
        var lines = report.Devices
            .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .Select(d => $"{d.Name,-12} {d.Device.Version,-8} {Source(d)}  presets: {Presets(d)}")
            .ToList();
        lines.AddRange(report.Diagnostics.Select(p => p.ToString()));
        return lines;
    }

    public IReadOnlyList<string> Reload()
    {
        var before = _host.Report.Devices.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var report = _host.Reload();
        var after = report.Devices.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>
        {
            $"reloaded: {after.Count} device(s) ({report.PluginDevices.Count()} from plugins)"
            + (after.Except(before).Any() ? $"; added {string.Join(", ", after.Except(before))}" : "")
            + (before.Except(after).Any() ? $"; removed {string.Join(", ", before.Except(after))}" : ""),
        };
        lines.AddRange(report.Diagnostics.Select(p => p.ToString()));
        return lines;
    }

    private static string Source(LoadedDevice d) => d.IsBuiltIn ? LoadedDevice.BuiltIn : d.Source;

    private static string Presets(LoadedDevice d) =>
        d.Device.Presets.Count == 0 ? "(none)" : string.Join(", ", d.Device.Presets.Select(p => p.Name));
}
