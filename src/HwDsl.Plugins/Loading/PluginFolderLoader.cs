using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using HwDsl.Contracts;
using McMaster.NETCore.Plugins;

namespace HwDsl.Plugins;

/// <summary>
/// Loads one plugin folder with one McMaster.NETCore.Plugins loader (a collectible context, the contract shared as the
/// host's type, the folder's .deps.json for everything else, assemblies read into memory so no file is locked). Before
/// anything loads, each entry assembly's metadata is checked (is it an assembly, which contract version it was compiled
/// against); then every assembly it references is asked of the loader, so a missing one is named before a device
/// fails half-way; then one instance of each public <see cref="IDeviceModel"/> with a public parameterless constructor is
/// created. Every problem becomes a diagnostic; nothing throws, so one bad plugin never stops the others.
/// </summary>
internal static class PluginFolderLoader
{
    /// <param name="folder">The plugin folder.</param>
    /// <param name="takenBy">The source already offering a device name, or null when the name is free.</param>
    public static FolderLoad Load(string folder, Func<string, string?> takenBy)
    {
        var plugin = Path.GetFileName(folder);
        var diagnostics = new List<PluginDiagnostic>();
        var devices = new List<LoadedDevice>();
        void Report(string code, string path, string message) => diagnostics.Add(PluginDiagnostic.Create(code, plugin, path, message));

        var entries = PluginSearchPath.EntryAssemblies(folder);
        if (entries.Count == 0) return new(folder, null, [], []);
        PluginLoader? loader = null;
        try
        {
            var candidates = new List<(string Path, Version Contract)>();
            foreach (var entry in entries)
                if (Inspect(entry, Report) is { } contract) candidates.Add((entry, contract));
            if (candidates.Count == 0) return Finish(null);

            try
            {
                loader = PluginLoader.CreateFromAssemblyFile(candidates[0].Path, [ContractCompatibility.SharedType], config =>
                {
                    config.IsUnloadable = true;
                    config.LoadInMemory = true;
                    // Our own watcher reloads (it also sees new and removed folders and re-runs the checks above).
                    config.EnableHotReload = false;
                });
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
            {
                // The runtime's resolver refuses a .deps.json that lists a file the folder lacks.
                Report(PluginDiagnosticCodes.MissingDependency, candidates[0].Path, $"cannot resolve the plugin's dependencies: {e.Message}");
                return Finish(null);
            }

            foreach (var (path, contract) in candidates)
            {
                if (!ReferencesResolve(loader, path, Report)) continue;
                foreach (var device in Instantiate(loader, path, Report))
                {
                    var holder = takenBy(device.Name) ?? devices.FirstOrDefault(d => string.Equals(d.Name, device.Name, StringComparison.OrdinalIgnoreCase))?.Source;
                    if (holder is not null)
                        Report(PluginDiagnosticCodes.DuplicateName, path, $"device '{device.Name}' ({device.GetType().FullName}) is already provided by {holder}; this one is not loaded.");
                    else
                        devices.Add(new LoadedDevice(device, path, plugin, contract));
                }
            }
            if (devices.Count == 0 && diagnostics.Count == 0)
                Report(PluginDiagnosticCodes.NoDevices, folder, $"no public {nameof(IDeviceModel)} with a public parameterless constructor in {string.Join(", ", candidates.Select(c => Path.GetFileName(c.Path)))}.");
            return Finish(loader);
        }
        catch (Exception e)
        {
            Report(PluginDiagnosticCodes.LoadFailed, folder, $"{e.GetType().Name}: {e.Message}");
            return Finish(loader);
        }

        FolderLoad Finish(PluginLoader? used)
        {
            if (devices.Count == 0 && used is not null)
            {
                used.Dispose();
                used = null;
            }
            return new(folder, used, devices, diagnostics);
        }
    }

    /// <summary>The contract version <paramref name="path"/> was compiled against, or null (with a diagnostic when it cannot load).</summary>
    private static Version? Inspect(string path, Action<string, string, string> report)
    {
        try
        {
            using var pe = new PEReader(new MemoryStream(File.ReadAllBytes(path)));
            if (!pe.HasMetadata)
            {
                report(PluginDiagnosticCodes.NotAnAssembly, path, "not a .NET assembly (a native library?); remove it from the plugin folder.");
                return null;
            }
            var md = pe.GetMetadataReader();
            if (!md.IsAssembly)
            {
                report(PluginDiagnosticCodes.NotAnAssembly, path, "a .NET module without an assembly manifest; not loadable.");
                return null;
            }
            foreach (var handle in md.AssemblyReferences)
            {
                var reference = md.GetAssemblyReference(handle);
                if (!ContractCompatibility.IsContracts(md.GetString(reference.Name))) continue;
                if (ContractCompatibility.Problem(reference.Version, ContractCompatibility.Host) is { } problem)
                {
                    report(PluginDiagnosticCodes.ContractVersion, path, problem);
                    return null;
                }
                return reference.Version;
            }
            return null;   // does not reference the contract: a helper library, not a device plugin
        }
        catch (BadImageFormatException)
        {
            report(PluginDiagnosticCodes.NotAnAssembly, path, "not a .NET assembly (not a valid PE file).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(PluginDiagnosticCodes.LoadFailed, path, $"cannot read the file: {e.Message}");
        }
        return null;
    }

    /// <summary>
    /// False (with one diagnostic per missing assembly) when a direct reference cannot be loaded: each is asked of the
    /// plugin's own context, which resolves it exactly as the plugin's code later would (host's contract, the plugin's
    /// .deps.json and folder, then the framework).
    /// </summary>
    private static bool ReferencesResolve(PluginLoader loader, string path, Action<string, string, string> report)
    {
        using var pe = new PEReader(new MemoryStream(File.ReadAllBytes(path)));
        var md = pe.GetMetadataReader();
        var ok = true;
        foreach (var handle in md.AssemblyReferences)
        {
            var name = md.GetAssemblyReference(handle).GetAssemblyName();
            if (ContractCompatibility.IsContracts(name.Name)) continue;
            try
            {
                loader.LoadAssembly(name);
            }
            catch (FileNotFoundException)
            {
                report(PluginDiagnosticCodes.MissingDependency, path,
                    $"needs {name.Name} {name.Version}, which is neither in the plugin folder, its .deps.json nor the .NET runtime; copy it beside the plugin (build with dotnet publish or keep Private=true).");
                ok = false;
            }
            catch (FileLoadException e)
            {
                report(PluginDiagnosticCodes.MissingDependency, path, $"needs {name.Name} {name.Version}, which cannot be loaded: {e.Message}");
                ok = false;
            }
            catch (BadImageFormatException e)
            {
                report(PluginDiagnosticCodes.LoadFailed, path, $"its dependency {name.Name} is not a valid assembly: {e.Message}");
                ok = false;
            }
        }
        return ok;
    }

    private static List<IDeviceModel> Instantiate(PluginLoader loader, string path, Action<string, string, string> report)
    {
        var created = new List<IDeviceModel>();
        Type[] types;
        try
        {
            types = Assembly(loader, path).GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            report(e is FileNotFoundException or ReflectionTypeLoadException ? PluginDiagnosticCodes.MissingDependency : PluginDiagnosticCodes.LoadFailed, path, Describe(e));
            return created;
        }

        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IDeviceModel).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                report(PluginDiagnosticCodes.NoParameterlessConstructor, path, $"{type.FullName} has no public parameterless constructor; skipped.");
                continue;
            }
            IDeviceModel? device = null;
            try
            {
                device = (IDeviceModel)Activator.CreateInstance(type)!;
                if (string.IsNullOrWhiteSpace(device.Name))
                {
                    report(PluginDiagnosticCodes.InvalidDevice, path, $"{type.FullName} reports an empty Name; skipped.");
                    device = null;
                }
                else
                {
                    _ = device.Version;
                }
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                report(inner is FileNotFoundException ? PluginDiagnosticCodes.MissingDependency : PluginDiagnosticCodes.ConstructorFailed, path,
                    $"{type.FullName}: constructor threw {Describe(inner)}");
                device = null;
            }
            if (device is not null) created.Add(device);
        }
        return created;
    }

    /// <summary>The entry assembly at <paramref name="path"/>, reusing it when a sibling entry's reference already loaded it.</summary>
    private static Assembly Assembly(PluginLoader loader, string path)
    {
        var simple = Path.GetFileNameWithoutExtension(path);
        return loader.LoadContext.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, simple, StringComparison.OrdinalIgnoreCase))
               ?? loader.LoadAssemblyFromPath(path);
    }

    private static string Describe(Exception e) => e switch
    {
        ReflectionTypeLoadException r when r.LoaderExceptions.FirstOrDefault(x => x is not null) is { } first => Describe(first),
        FileNotFoundException f => $"missing dependency {f.FileName}: {f.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
