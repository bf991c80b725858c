using System.Diagnostics;

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
        Assert.Contains("nvm 1.0.0  built-in", lines);
        Assert.Contains($"toy 1.0.0  {Path.Combine(toy, "Toy.dll")} (plugin Toy, contract {PluginHost.ContractVersion.Major}.{PluginHost.ContractVersion.Minor})", lines);
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
        Assert.Contains("nvm 1.0.0  built-in", stdout);
    }

    private static (int Exit, string Out, string Err) Hwdsl(params string[] args) => Hwdsl(args, null);

    private static (int Exit, string Out, string Err) Hwdsl(string[] args, string? pluginsVariable)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hwdsl.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment[PluginSearchPath.EnvironmentVariable] = pluginsVariable ?? "";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(true);
            throw new TimeoutException($"hwdsl {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
