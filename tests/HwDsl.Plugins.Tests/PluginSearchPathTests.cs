namespace HwDsl.Plugins.Tests;

public sealed class PluginSearchPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hwdsl-search-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Roots_come_beside_the_host_then_from_the_environment_then_from_the_command_line_without_duplicates()
    {
        var options = new PluginHostOptions
        {
            HostDirectory = _dir,
            EnvironmentValue = $"{_dir}/a{Path.PathSeparator} {Path.PathSeparator}{_dir}/b/",
            Folders = [$"{_dir}/c", $"{_dir}/a"],
        };
        var roots = PluginSearchPath.Roots(options);
        Assert.Equal([Path.Combine(_dir, "plugins"), Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), Path.Combine(_dir, "c")], roots.Select(r => r.Path));
        Assert.Equal(["beside hwdsl", "$HWDSL_PLUGINS", "$HWDSL_PLUGINS", "--plugins"], roots.Select(r => r.Origin));
        Assert.Equal(["--plugins"], PluginSearchPath.Roots(options with { UseDefaultLocations = false, Folders = [_dir] }).Select(r => r.Origin));
    }

    [Fact]
    public void A_root_holding_assemblies_is_one_plugin_otherwise_each_subfolder_is()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "b"));
        Directory.CreateDirectory(Path.Combine(_dir, "a"));
        Assert.Equal([Path.Combine(_dir, "a"), Path.Combine(_dir, "b")], PluginSearchPath.PluginFolders(_dir));
        Assert.Equal(Path.Combine(_dir, "a"), PluginSearchPath.FolderOf(_dir, Path.Combine(_dir, "a", "x", "y.dll")));
        Assert.Null(PluginSearchPath.FolderOf(_dir, Path.Combine(Path.GetTempPath(), "elsewhere.dll")));

        File.WriteAllText(Path.Combine(_dir, "P.dll"), "");
        Assert.Equal([_dir], PluginSearchPath.PluginFolders(_dir));
        Assert.Equal(_dir, PluginSearchPath.FolderOf(_dir, Path.Combine(_dir, "a", "y.dll")));
        Assert.Empty(PluginSearchPath.PluginFolders(Path.Combine(_dir, "missing")));
    }

    [Fact]
    public void Entry_assemblies_are_those_with_a_deps_file_else_every_dll_but_the_contract()
    {
        foreach (var f in new[] { "Plugin.dll", "Dep.dll", "HwDsl.Contracts.dll", "Plugin.resources.dll" }) File.WriteAllText(Path.Combine(_dir, f), "");
        Assert.Equal([Path.Combine(_dir, "Dep.dll"), Path.Combine(_dir, "Plugin.dll")], PluginSearchPath.EntryAssemblies(_dir));
        File.WriteAllText(Path.Combine(_dir, "Plugin.deps.json"), "{}");
        Assert.Equal([Path.Combine(_dir, "Plugin.dll")], PluginSearchPath.EntryAssemblies(_dir));
    }
}
