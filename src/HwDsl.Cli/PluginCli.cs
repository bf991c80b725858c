using System.CommandLine;
using HwDsl.Plugins;

namespace HwDsl.Cli;

/// <summary>
/// The global <c>--plugins DIR</c> option and the one way commands start the plugin host, so every command sees
/// the same devices: built-in, <c>plugins/</c> beside hwdsl, <c>$HWDSL_PLUGINS</c>, then each <c>--plugins</c>.
/// </summary>
internal static class PluginCli
{
    /// <summary>Extra plugin folders, on every command (repeatable).</summary>
    public static Option<string[]> Folders { get; } = new("--plugins")
    {
        Description = $"also load device plugins from this folder (repeatable; also ${PluginSearchPath.EnvironmentVariable} and plugins/ beside hwdsl)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Starts the host for <paramref name="parse"/>; with <paramref name="warn"/>, each plugin problem goes to stderr as one line.</summary>
    public static PluginHost Start(ParseResult parse, bool warn = true, bool watch = false)
    {
        var host = PluginHost.Start(new PluginHostOptions { Folders = parse.GetValue(Folders) ?? [], Watch = watch });
        if (warn)
            foreach (var d in host.Report.Diagnostics) Console.Error.WriteLine($"hwdsl: {d}");
        return host;
    }
}
