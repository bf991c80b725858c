using McMaster.NETCore.Plugins;

namespace HwDsl.Plugins;

/// <summary>
/// The result of loading one plugin folder: its loader (null when nothing loaded; disposing it unloads the folder's
/// context), devices and problems.
/// </summary>
internal sealed record FolderLoad(string Folder, PluginLoader? Loader, IReadOnlyList<LoadedDevice> Devices, IReadOnlyList<PluginDiagnostic> Diagnostics)
{
    public string Plugin => Path.GetFileName(Folder);

    /// <summary>Unloads the folder's context; the runtime collects it once nothing refers to its devices any more.</summary>
    public void Unload() => Loader?.Dispose();
}
