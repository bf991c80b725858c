namespace HwDsl.Plugins.Tests;

[Collection(PluginCollection.Name)]
public sealed class PluginsCommandTests(PluginWorkspace workspace)
{
    [Fact]
    public void Hwdsl_plugins_lists_each_device_with_version_and_source_and_each_problem_on_one_line()
    {
        var root = workspace.NewPluginRoot();
        var toy = workspace.Drop("Toy", root);
        var junk = Path.Combine(root, "Junk");
        Directory.CreateDirectory(junk);
        File.WriteAllText(Path.Combine(junk, "Junk.dll"), "not an assembly");

        var (exit, stdout, stderr) = Hwdsl("plugins", "--plugins", root);

        Assert.Equal(2, exit);   // a plugin failed: a plugin author's CI sees it
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"{root}  (--plugins)", lines);
        Assert.Contains("nvm 2.0.0  built-in", lines);
        Assert.Contains($"toy 1.0.0  {Path.Combine(toy, "Toy.dll")} (plugin Toy, contract {PluginHost.ContractVersion.Major}.{PluginHost.ContractVersion.Minor})", lines);
        // Parameters with range, unit and default, and presets with their source, as the plugin declares them.
        Assert.Contains("programming_noise  [0, 0.5] fraction of Gmax, default 0: sigma of the programmed conductance", lines);
        Assert.Contains("preset noisy: programming_noise=0.02, read_noise=0.01", lines);
        Assert.Contains("source: illustrative values, not a measured device: replace with your source (paper, figure)", lines);
        Assert.Contains($"{Path.Combine(junk, "Junk.dll")}: error HW0160: plugin 'Junk': not a .NET assembly (not a valid PE file).", lines);
    }

    [Fact]
    public void Hwdsl_describe_includes_plugin_devices_from_HWDSL_PLUGINS()
    {
        var root = workspace.NewPluginRoot();
        workspace.Drop("Numerics", root);
        var (exit, stdout, stderr) = Hwdsl(["describe"], root);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("numerics 4.15.0.0  ", stdout);
        Assert.Contains("nvm 2.0.0  built-in", stdout);
    }

    [Fact]
    public void Units_print_as_words_not_as_1()
    {
        var (exit, stdout, stderr) = Hwdsl("plugins");   // the four shipped plugins, beside hwdsl
        Assert.True(exit == 0, stderr);
        Assert.Matches(@"\n +tmr +\[0\.01, 10\] dimensionless, default 1\.5: tunnel magnetoresistance", stdout);
        Assert.Matches(@"\n +t0 +\[0\.001, 10000\] seconds, default 20: ", stdout);
        Assert.Matches(@"\n +bits +\[1, 8\] bits, default 4: ", stdout);
        Assert.DoesNotMatch(@"\] 1, default", stdout);
    }

    [Theory]
    [InlineData("1", "dimensionless")]
    [InlineData("", "dimensionless")]
    [InlineData("s", "seconds")]
    [InlineData("uS", "microsiemens")]
    [InlineData("fraction of Gmax", "fraction of Gmax")]
    public void The_host_and_the_contract_say_a_unit_in_the_same_words(string unit, string words)
    {
        Assert.Equal(words, DeviceParameterText.Words(unit));
        Assert.Equal($"p in [0, 1] {words}", new HwDsl.Contracts.DeviceParameter("p", unit, 0, 1, 0, "a parameter").ToString());
    }

    private static (int Exit, string Out, string Err) Hwdsl(params string[] args) => Hwdsl(args, null);

    private static (int Exit, string Out, string Err) Hwdsl(string[] args, string? pluginsVariable)
    {
        var (exit, stdout, stderr, _) = DotnetCli.Capture(null, [Path.Combine(AppContext.BaseDirectory, "hwdsl.dll"), .. args],
            new Dictionary<string, string?> { [PluginSearchPath.EnvironmentVariable] = pluginsVariable ?? "" }, TimeSpan.FromMinutes(2));
        return (exit, stdout, stderr);
    }
}
