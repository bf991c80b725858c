using System.Reflection;
using HwDsl.Compiler;
using HwDsl.Contracts;
using Xunit.Abstractions;

namespace HwDsl.Plugins.Tests;

[Collection(PluginCollection.Name)]
public sealed class PluginLoadingTests(PluginWorkspace workspace, ITestOutputHelper output)
{
    private static PluginHost Start(params string[] roots) => PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = roots });

    [Fact]
    public void A_plugin_dropped_into_a_folder_is_found_and_used_by_an_experiment()
    {
        output.WriteLine($"test-time plugin build (restore + 3 projects): {workspace.BuildTime.TotalSeconds:F1} s");
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Toy", root);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var host = Start(root);
        output.WriteLine($"load of one plugin folder: {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Empty(host.Report.Diagnostics);
        var toy = Assert.Single(host.Report.PluginDevices);
        Assert.Equal("toy", toy.Name);
        Assert.Equal(Path.Combine(folder, "Toy.dll"), toy.Source);
        Assert.Equal("Toy", toy.Plugin);
        Assert.Equal(PluginHost.ContractVersion, toy.ContractVersion);
        Assert.Equal(["nvm", "toy"], host.Catalog.Names);

        // The template's device is linear: g(u) = Gmin + (Gmax − Gmin)·u.
        var device = host.Catalog.Resolve("toy");
        Assert.Equal(0.1 + 0.9 * 0.25, Curve.At(device, 0.25), 12);
        // The compiler takes the plugin device, and its preset, through the same catalog an experiment gets.
        var levels = Levels(host, preset: "noisy");
        Assert.Equal("toy", levels.DeviceName);
        Assert.Same(device.GetType().Assembly, levels.Device.GetType().Assembly);
        Assert.True(levels.HasIntrinsicNoise);   // the template's "noisy" preset: programming σ 0.02 of Gmax
        Assert.False(Levels(host, preset: null).HasIntrinsicNoise);
        Assert.Equal(Curve.At(device, 1), levels.PositiveConductance(levels.Count - 1), 12);
    }

    private static WeightLevels Levels(PluginHost host, string? preset)
    {
        var spec = Experiment.Named("plugin").Data(Datasets.Mnist)
            .Network(n => n.Dense(10)).On(Hardware.DifferentialPair().Device("toy", preset).WeightBits(2).OnOffRatio(10))
            .Train(t => t.Float()).Build();
        return Assert.Single(NetworkCompiler.Compile(spec, 4, 10, host.Catalog).HardwareLayers).Levels;
    }

    [Fact]
    public void Plugin_assemblies_are_loaded_from_memory_in_their_own_collectible_context()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Toy", root);
        using var host = Start(root);
        var device = host.Catalog.Resolve("toy");

        var assembly = device.GetType().Assembly;
        Assert.Equal("", assembly.Location);   // read from bytes: the file is not mapped or locked
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly)!;
        Assert.True(context.IsCollectible);
        Assert.Same(context, host.ContextOf(folder));
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
        // Only the contract is shared: the plugin's IDeviceModel is the host's.
        Assert.Contains(typeof(IDeviceModel), device.GetType().GetInterfaces());

        // The build output can be replaced while loaded (a rebuild must not fail on a locked file).
        File.WriteAllBytes(Path.Combine(folder, "Toy.dll"), File.ReadAllBytes(Path.Combine(workspace.Out("Toy"), "Toy.dll")));
    }

    [Fact]
    public void A_plugin_with_an_older_MathNet_than_the_host_uses_its_own_copy()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Numerics", root);
        using var host = Start(root);
        Assert.Empty(host.Report.Diagnostics);

        var erf = host.Catalog.Resolve("numerics");
        Assert.Equal(new Version(PluginWorkspace.PluginMathNetVersion + ".0"), new Version(erf.Version));
        var hostMathNet = typeof(MathNet.Numerics.SpecialFunctions).Assembly.GetName().Version!;
        Assert.Equal(5, hostMathNet.Major);
        var pluginMathNet = host.ContextOf(folder)!.Assemblies.Single(a => a.GetName().Name == "MathNet.Numerics");
        Assert.Equal(4, pluginMathNet.GetName().Version!.Major);
        Assert.NotSame(typeof(MathNet.Numerics.SpecialFunctions).Assembly, pluginMathNet);

        // Its numbers agree with the host's MathNet computing the same curve.
        var expected = 0.1 + 0.9 * (1 + MathNet.Numerics.SpecialFunctions.Erf(4 * (0.3 - 0.5)) / MathNet.Numerics.SpecialFunctions.Erf(2)) / 2;
        Assert.Equal(expected, Curve.At(erf, 0.3), 12);
    }

    [Fact]
    public void Every_root_kind_is_searched_and_a_missing_named_folder_is_reported()
    {
        var beside = workspace.NewPluginRoot();
        workspace.Drop("Toy", Path.Combine(beside, PluginSearchPath.DefaultFolderName));
        var fromEnv = workspace.NewPluginRoot();
        workspace.Drop("Numerics", fromEnv);
        var missing = Path.Combine(workspace.Root, "no-such-folder");
        var options = new PluginHostOptions { HostDirectory = beside, EnvironmentValue = fromEnv + Path.PathSeparator + missing };

        using var host = PluginHost.Start(options);
        Assert.Equal(["beside hwdsl", "$HWDSL_PLUGINS", "$HWDSL_PLUGINS"], host.Roots.Select(r => r.Origin));
        Assert.Equal(["numerics", "nvm", "toy"], host.Catalog.Names);
        var d = Assert.Single(host.Report.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.FolderMissing, d.Code);
        Assert.Equal($"{missing}: error HW0167: plugin 'no-such-folder': the plugin folder given by $HWDSL_PLUGINS does not exist.", d.ToString());
    }

    [Fact]
    public void A_build_output_folder_can_be_given_directly()
    {
        using var host = Start(workspace.Out("Toy"));
        Assert.Equal("toy", Assert.Single(host.Report.PluginDevices).Name);
    }
}
