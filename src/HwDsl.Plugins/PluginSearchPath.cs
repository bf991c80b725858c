namespace HwDsl.Plugins;

/// <summary>
/// Where plugins are looked for, in this order: <c>plugins/</c> beside the host executable, each folder of
/// <c>$HWDSL_PLUGINS</c> (a <see cref="Path.PathSeparator"/>-separated list) and each <c>--plugins DIR</c>.
/// </summary>
public static class PluginSearchPath
{
    /// <summary>The environment variable holding extra plugin folders.</summary>
    public const string EnvironmentVariable = "HWDSL_PLUGINS";

    /// <summary>The folder name searched beside the host executable.</summary>
    public const string DefaultFolderName = "plugins";

    /// <summary>
    /// The roots for <paramref name="options"/>, duplicates (same full path) removed, keeping the first.
    /// </summary>
    public static IReadOnlyList<PluginRoot> Roots(PluginHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roots = new List<PluginRoot>();
        if (options.UseDefaultLocations)
        {
            roots.Add(new(Path.Combine(options.HostDirectory ?? AppContext.BaseDirectory, DefaultFolderName), "beside hwdsl"));
            var env = options.EnvironmentValue ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
            foreach (var dir in (env ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                roots.Add(new(dir, "$" + EnvironmentVariable));
        }
        foreach (var dir in options.Folders) roots.Add(new(dir, "--plugins"));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. roots.Select(r => r with { Path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(r.Path)) }).Where(r => seen.Add(r.Path))];
    }

    /// <summary>
    /// The plugin folders under <paramref name="root"/>: the root itself when it holds assemblies (a build output
    /// given directly), otherwise each of its sub-folders; sorted so loading order (and who wins a name) is stable.
    /// </summary>
    public static IReadOnlyList<string> PluginFolders(string root)
    {
        if (!Directory.Exists(root)) return [];
        if (IsPluginFolder(root)) return [root];
        return [.. Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal)];
    }

    /// <summary>The plugin folder a changed <paramref name="path"/> under <paramref name="root"/> belongs to.</summary>
    internal static string? FolderOf(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        if (IsPluginFolder(root)) return root;
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return Path.Combine(root, first);
    }

    /// <summary>A plugin folder's assemblies to search for devices: those with a .deps.json, else every .dll.</summary>
    internal static IReadOnlyList<string> EntryAssemblies(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var dlls = Directory.EnumerateFiles(folder, "*.dll")
            .Where(f => !f.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(Path.GetFileName(f), ContractCompatibility.ContractsFileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var withDeps = dlls.Where(f => File.Exists(Path.ChangeExtension(f, ".deps.json"))).ToList();
        return withDeps.Count > 0 ? withDeps : dlls;
    }

    private static bool IsPluginFolder(string dir) => Directory.EnumerateFiles(dir, "*.dll").Any();
}
