using System.Diagnostics;
using System.Runtime.Loader;
using Xunit.Abstractions;

namespace HwDsl.Plugins.Tests;

/// <summary>The repository's four device plugins, loaded the way hwdsl loads them: from plugins/ beside the host.</summary>
public sealed class ShippedPluginsTests(ITestOutputHelper output)
{
    [Fact]
    public void The_four_device_plugins_load_from_their_folders_each_in_its_own_context()
    {
        var clock = Stopwatch.StartNew();
        using var host = PluginHost.Start(new PluginHostOptions { HostDirectory = AppContext.BaseDirectory, EnvironmentValue = "" });
        output.WriteLine($"loading the 4 shipped plugins (4 contexts, cold): {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Empty(host.Report.Diagnostics);
        Assert.Equal(["fefet", "mtj", "nvm", "pcm", "rram"], host.Catalog.Names);
        var contexts = host.Report.PluginDevices.Select(d => AssemblyLoadContext.GetLoadContext(d.Device.GetType().Assembly)!).ToList();
        Assert.Equal(4, contexts.Distinct().Count());
        Assert.All(contexts, c => Assert.True(c.IsCollectible));
        // The F# plugin brings FSharp.Core in its own folder; it loads into the plugin's context, not the host's.
        var pcm = host.Report.PluginDevices.Single(d => d.Name == "pcm");
        Assert.Contains(AssemblyLoadContext.GetLoadContext(pcm.Device.GetType().Assembly)!.Assemblies, a => a.GetName().Name == "FSharp.Core");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "FSharp.Core");
        foreach (var d in host.Report.PluginDevices)
        {
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins", d.Plugin!, d.Plugin + ".dll"), d.Source);
            Assert.NotEmpty(d.Device.Parameters);
            Assert.NotEmpty(d.Device.Presets);
        }

        clock.Restart();
        host.Reload();
        output.WriteLine($"reloading all 4 into fresh contexts (warm): {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(["fefet", "mtj", "nvm", "pcm", "rram"], host.Catalog.Names);
    }
}
