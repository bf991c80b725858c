using Xunit.Abstractions;

namespace HwDsl.Plugins.Tests;

[Collection(PluginCollection.Name)]
public sealed class BrokenPluginTests(PluginWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void Each_broken_plugin_gets_one_line_naming_it_and_the_others_still_load()
    {
        var root = workspace.NewPluginRoot();
        workspace.Drop("Toy", root);
        workspace.Drop("Toy", root, "Toy-copy");          // the same device name again
        workspace.WithDependency(workspace.Drop("Broken", root));
        workspace.Drop("Broken", root, "MissingDep");
        var future = workspace.Drop("Toy", root, "Future");
        PluginWorkspace.PatchContractReference(Path.Combine(future, "Toy.dll"), major: PluginHost.ContractVersion.Major + 1);
        var newer = workspace.Drop("Toy", root, "Newer");
        PluginWorkspace.PatchContractReference(Path.Combine(newer, "Toy.dll"), PluginHost.ContractVersion.Major, PluginHost.ContractVersion.Minor + 1);
        var junk = Path.Combine(root, "Junk");
        Directory.CreateDirectory(junk);
        File.WriteAllText(Path.Combine(junk, "Junk.dll"), "this is not an assembly");

        using var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root] });
        foreach (var d in host.Report.Diagnostics) output.WriteLine(d.ToString());

        Assert.Equal(["broken-fine", "nvm", "toy"], host.Catalog.Names);
        Assert.Equal(Path.Combine(root, "Toy", "Toy.dll"), host.Report.Devices.Single(d => d.Name == "toy").Source);
        Assert.All(host.Report.Diagnostics, d => Assert.DoesNotContain('\n', d.ToString()));

        var byPlugin = host.Report.Diagnostics.ToLookup(d => d.Plugin);
        var broken = byPlugin["Broken"].ToList();
        Assert.Equal(3, broken.Count);
        Assert.Contains(broken, d => d.Code == PluginDiagnosticCodes.ConstructorFailed && d.Message.Contains("Broken.ThrowingDevice") && d.Message.Contains("calibration table missing"));
        Assert.Contains(broken, d => d.Code == PluginDiagnosticCodes.DuplicateName && d.Message.Contains("'nvm'") && d.Message.Contains("built-in"));
        Assert.Contains(broken, d => d.Code == PluginDiagnosticCodes.NoParameterlessConstructor && d.Message.Contains("Broken.NeedsArguments"));
        Assert.All(broken, d => Assert.Equal(Path.Combine(root, "Broken", "Broken.dll"), d.Path));

        var copy = Assert.Single(byPlugin["Toy-copy"]);
        Assert.Equal(PluginDiagnosticCodes.DuplicateName, copy.Code);
        Assert.Contains(Path.Combine(root, "Toy", "Toy.dll"), copy.Message);
        Assert.Equal(Path.Combine(root, "Toy-copy", "Toy.dll"), copy.Path);

        var missing = Assert.Single(byPlugin["MissingDep"]);
        Assert.Equal(PluginDiagnosticCodes.MissingDependency, missing.Code);
        Assert.Equal(Path.Combine(root, "MissingDep", "Broken.dll"), missing.Path);
        Assert.Contains("needs Toy 1.0.0.0", missing.Message);

        var wrongMajor = Assert.Single(byPlugin["Future"]);
        Assert.Equal(PluginDiagnosticCodes.ContractVersion, wrongMajor.Code);
        Assert.Contains($"contract {PluginHost.ContractVersion.Major + 1}.0", wrongMajor.Message);
        Assert.Contains($"this hwdsl has contract {PluginHost.ContractVersion.Major}.{PluginHost.ContractVersion.Minor}", wrongMajor.Message);

        var newerMinor = Assert.Single(byPlugin["Newer"]);
        Assert.Equal(PluginDiagnosticCodes.ContractVersion, newerMinor.Code);
        Assert.Contains($"contract {PluginHost.ContractVersion.Major}.{PluginHost.ContractVersion.Minor + 1}, newer than this hwdsl's", newerMinor.Message);

        var notAssembly = Assert.Single(byPlugin["Junk"]);
        Assert.Equal(PluginDiagnosticCodes.NotAnAssembly, notAssembly.Code);
        Assert.Equal(Path.Combine(junk, "Junk.dll"), notAssembly.Path);
        Assert.StartsWith($"{Path.Combine(junk, "Junk.dll")}: error HW0160: plugin 'Junk': not a .NET assembly", notAssembly.ToString());

        Assert.Equal(8, host.Report.Diagnostics.Count);
    }

    [Fact]
    public void A_folder_whose_every_device_failed_leaves_no_context_behind()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Broken", root, "MissingDep");
        using var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root] });
        Assert.Null(host.ContextOf(folder));
        Assert.Equal(["nvm"], host.Catalog.Names);
    }
}
