using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using HwDsl.Contracts;

namespace HwDsl.Plugins;

/// <summary>
/// Loads one plugin folder into a fresh collectible context: checks each entry assembly's metadata before loading it
/// (is it an assembly, which contract version it was compiled against, can every reference be found), then creates one
/// instance of each public <see cref="IDeviceModel"/> with a public parameterless constructor. Every problem becomes a
/// diagnostic; nothing throws, so one bad plugin never stops the others.
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
        PluginLoadContext? context = null;
        try
        {
            var candidates = new List<(string Path, Version Contract)>();
            foreach (var entry in entries)
                if (Inspect(entry, Report) is { } contract) candidates.Add((entry, contract));
            if (candidates.Count == 0) return Finish(null);

            try
            {
                context = new PluginLoadContext(folder, candidates[0].Path);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
            {
                // The host's resolver refuses a .deps.json that lists a file the folder lacks.
                Report(PluginDiagnosticCodes.MissingDependency, candidates[0].Path, $"cannot resolve the plugin's dependencies: {e.Message}");
                return Finish(null);
            }

            foreach (var (path, contract) in candidates)
            {
                if (!ReferencesResolve(context, path, Report)) continue;
                foreach (var device in Instantiate(context, path, Report))
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
            return Finish(context);
        }
        catch (Exception e)
        {
            Report(PluginDiagnosticCodes.LoadFailed, folder, $"{e.GetType().Name}: {e.Message}");
            return Finish(context);
        }

        FolderLoad Finish(PluginLoadContext? alc)
        {
            if (devices.Count == 0 && alc is not null)
            {
                alc.Unload();
                alc = null;
            }
            return new(folder, alc, devices, diagnostics);
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
                if (!string.Equals(md.GetString(reference.Name), PluginLoadContext.ContractsName, StringComparison.OrdinalIgnoreCase)) continue;
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
        catch (IOException e)
        {
            report(PluginDiagnosticCodes.LoadFailed, path, $"cannot read the file: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            report(PluginDiagnosticCodes.LoadFailed, path, $"cannot read the file: {e.Message}");
        }
        return null;
    }

    /// <summary>False (with one diagnostic per missing assembly) when a direct reference cannot be found anywhere.</summary>
    private static bool ReferencesResolve(PluginLoadContext context, string path, Action<string, string, string> report)
    {
        using var pe = new PEReader(new MemoryStream(File.ReadAllBytes(path)));
        var md = pe.GetMetadataReader();
        var ok = true;
        foreach (var handle in md.AssemblyReferences)
        {
            var name = md.GetAssemblyReference(handle).GetAssemblyName();
            if (context.Locate(name) is not null) continue;
            report(PluginDiagnosticCodes.MissingDependency, path,
                $"needs {name.Name} {name.Version}, which is neither in the plugin folder, its .deps.json nor the .NET runtime; copy it beside the plugin (build with dotnet publish or keep Private=true).");
            ok = false;
        }
        return ok;
    }

    private static List<IDeviceModel> Instantiate(PluginLoadContext context, string path, Action<string, string, string> report)
    {
        var created = new List<IDeviceModel>();
        Type[] types;
        try
        {
            types = context.LoadFromMemory(path).GetExportedTypes();
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

    private static string Describe(Exception e) => e switch
    {
        ReflectionTypeLoadException r when r.LoaderExceptions.FirstOrDefault(x => x is not null) is { } first => Describe(first),
        FileNotFoundException f => $"missing dependency {f.FileName}: {f.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
