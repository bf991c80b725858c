using HwDsl.Contracts.Tests.Conformance;

namespace HwDsl.Plugins.Tests;

[Collection(PluginCollection.Name)]
public sealed class HostConformanceTests(PluginWorkspace workspace)
{
    [Fact]
    public void Every_device_the_host_loads_passes_the_conformance_suite_the_template_included()
    {
        var root = workspace.NewPluginRoot();
        workspace.Drop("Toy", root);
        using var host = PluginHost.Start(new PluginHostOptions { HostDirectory = AppContext.BaseDirectory, EnvironmentValue = "", Folders = [root] });
        Assert.Empty(host.Report.Diagnostics);
        Assert.Equal(["fefet", "mtj", "nvm", "pcm", "rram", "toy"], host.Catalog.Names);

        var violations = host.Report.Devices.SelectMany(d => DeviceConformance.Check(d.Device).Select(v => $"{d.Name} ({d.Source}): {v}")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
