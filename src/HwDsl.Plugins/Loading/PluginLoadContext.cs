using System.Reflection;
using System.Runtime.Loader;
using HwDsl.Contracts;

namespace HwDsl.Plugins;

/// <summary>
/// One collectible load context per plugin folder (as DotNetCorePlugins does): HwDsl.Contracts is shared with the host
/// so device types are the host's <see cref="IDeviceModel"/>; the plugin's own dependencies come from its .deps.json
/// (or its folder) in their own versions; everything else (the framework) falls through to the default context.
/// Assemblies are read into memory first, so the files stay free to be overwritten by the next build.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    internal const string ContractsName = "HwDsl.Contracts";
    internal const string ContractsFileName = ContractsName + ".dll";

    private static readonly Lazy<HashSet<string>> FrameworkNames = new(() =>
        [.. ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension).OfType<string>()]);

    private readonly string _folder;
    private readonly AssemblyDependencyResolver? _resolver;

    public PluginLoadContext(string folder, string? mainAssembly)
        : base($"hwdsl-plugin:{Path.GetFileName(folder)}", isCollectible: true)
    {
        _folder = folder;
        // The resolver reads <main>.deps.json; without one it still resolves the folder's own assemblies.
        if (mainAssembly is not null) _resolver = new AssemblyDependencyResolver(mainAssembly);
    }

    /// <summary>The host's contract assembly, the only one shared.</summary>
    public static Assembly Contracts => typeof(IDeviceModel).Assembly;

    /// <summary>Where <paramref name="name"/> would come from, or null when nothing provides it.</summary>
    public string? Locate(AssemblyName name)
    {
        if (IsContracts(name)) return "host";
        if (PluginPath(name) is { } path) return path;
        return name.Name is { } simple && (FrameworkNames.Value.Contains(simple) || Default.Assemblies.Any(a => a.GetName().Name == simple))
            ? "framework" : null;
    }

    /// <summary>Loads an assembly file of this plugin from a copy in memory (with its .pdb when there is one).</summary>
    public Assembly LoadFromMemory(string path)
    {
        using var image = new MemoryStream(File.ReadAllBytes(path));
        var pdbPath = Path.ChangeExtension(path, ".pdb");
        if (!File.Exists(pdbPath)) return LoadFromStream(image);
        using var pdb = new MemoryStream(File.ReadAllBytes(pdbPath));
        return LoadFromStream(image, pdb);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsContracts(assemblyName)) return Contracts;
        return PluginPath(assemblyName) is { } path ? LoadFromMemory(path) : null;
    }

    // Native libraries cannot be loaded from memory; they load from the plugin's folder (and so are locked there).
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        => _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static bool IsContracts(AssemblyName name) => string.Equals(name.Name, ContractsName, StringComparison.OrdinalIgnoreCase);

    private string? PluginPath(AssemblyName name)
    {
        if (_resolver?.ResolveAssemblyToPath(name) is { } resolved && File.Exists(resolved)) return resolved;
        var local = Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(local) ? local : null;
    }
}
