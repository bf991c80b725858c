namespace HwDsl.Plugins;

/// <summary>The result of loading one plugin folder: its context (null when nothing loaded), devices and problems.</summary>
internal sealed record FolderLoad(string Folder, PluginLoadContext? Context, IReadOnlyList<LoadedDevice> Devices, IReadOnlyList<PluginDiagnostic> Diagnostics)
{
    public string Plugin => Path.GetFileName(Folder);
}
