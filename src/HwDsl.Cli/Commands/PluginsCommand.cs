using System.CommandLine;
using System.Globalization;
using HwDsl.Plugins;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl plugins</c>: where plugins are searched, every device on offer (name, version, source, parameters with ranges and units, presets with their sources) and every plugin
/// that did not load, one line each. Exits with <see cref="CliErrors.BadInput"/> when a plugin failed, so a plugin's
/// own CI can run <c>hwdsl plugins --plugins bin/Release/net10.0</c>.
/// </summary>
internal static class PluginsCommand
{
    public static Command Create()
    {
        var command = new Command("plugins", "List the device models: built-in and from plugins, with versions, sources and load problems.");
        command.SetAction(parse =>
        {
            using var host = PluginCli.Start(parse, warn: false);
            foreach (var line in Lines(host)) Console.WriteLine(line);
            return host.Report.Diagnostics.Count == 0 ? 0 : CliErrors.BadInput;
        });
        return command;
    }

    internal static IEnumerable<string> Lines(PluginHost host)
    {
        yield return $"device contract {PluginHost.ContractVersion.Major}.{PluginHost.ContractVersion.Minor}; plugin folders searched:";
        foreach (var root in host.Roots)
            yield return $"  {root.Path}  ({root.Origin}{(Directory.Exists(root.Path) ? "" : ", absent")})";
        yield return "devices:";
        foreach (var line in DeviceLines(host.Report, details: true)) yield return "  " + line;
        if (host.Report.Diagnostics.Count == 0) yield break;
        yield return "problems (these plugins did not load; the others did):";
        foreach (var d in host.Report.Diagnostics) yield return $"  {d}";
    }

    /// <summary>One line per device, then its description indented (shared with <c>hwdsl describe</c>).</summary>
    internal static IEnumerable<string> DeviceLines(PluginLoadReport report, bool details = false)
    {
        foreach (var d in report.Devices.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase))
        {
            var source = d.IsBuiltIn ? LoadedDevice.BuiltIn : $"{d.Source} (plugin {d.Plugin}, contract {d.ContractVersion?.Major}.{d.ContractVersion?.Minor})";
            yield return $"{d.Name} {d.Device.Version}  {source}";
            yield return $"    {d.Device.Description}";
            if (!details) continue;
            var parameters = d.Device.Parameters;
            if (parameters.Count > 0) yield return "    parameters:";
            var width = parameters.Count == 0 ? 0 : parameters.Max(p => p.Name.Length);
            foreach (var p in parameters)
                yield return string.Create(CultureInfo.InvariantCulture, $"      {p.Name.PadRight(width)}  [{p.Min:G6}, {p.Max:G6}] {DeviceParameterText.Unit(p)}, default {p.Default:G6}: {p.Description}");
            foreach (var preset in d.Device.Presets)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"    preset {preset.Name}: {string.Join(", ", preset.Values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}={v.Value:G6}"))}");
                yield return $"      source: {preset.Citation}";
            }
        }
    }
}
