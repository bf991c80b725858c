using System.CommandLine;
using System.Reflection;
using System.Runtime.Intrinsics;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Plugins;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl describe</c>: what this installation runs with.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var command = new Command("describe", "Show the version, SIMD path, cores, the data cache and the device models.");
        command.SetAction(parse =>
        {
            foreach (var line in Lines()) Console.WriteLine(line);
            using var host = PluginCli.Start(parse);
            Console.WriteLine($"devices (contract {PluginHost.ContractVersion.Major}.{PluginHost.ContractVersion.Minor}; 'hwdsl plugins' for details):");
            foreach (var line in PluginsCommand.DeviceLines(host.Report)) Console.WriteLine("  " + line);
            return 0;
        });
        return command;
    }

    internal static IEnumerable<string> Lines()
    {
        var version = typeof(DescribeCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        yield return $"hwdsl {version.Split('+')[0]} on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()})";
        yield return $"MAC core: {GemmBenchmark.Describe()}; Vector512 {(Vector512.IsHardwareAccelerated ? "on" : "off")}, Vector256 {(Vector256.IsHardwareAccelerated ? "on" : "off")}";
        yield return $"cores: {Environment.ProcessorCount}";
        yield return $"data cache: {DatasetStore.DefaultRoot}";
        foreach (var s in new DatasetStore().Status())
            yield return $"  {s.Name,-14} {(s.Available ? "present" : "missing"),-8} {s.Location}{(s.SizeBytes > 0 ? $" ({s.SizeBytes / 1e6:F1} MB)" : "")}{(string.IsNullOrEmpty(s.Detail) ? "" : $"  {s.Detail}")}";
    }
}
