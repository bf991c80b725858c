namespace HwDsl.Plugins;

/// <summary>Raised after a plugin folder was reloaded (by the watcher or on request).</summary>
/// <param name="Folder">The reloaded plugin folder (the host's roots when everything was reloaded).</param>
/// <param name="Report">The whole host's report after the reload.</param>
/// <param name="Removed">Names of devices no longer offered.</param>
/// <param name="Added">Names of devices offered now that were not before (a reloaded device with the same name is in neither list).</param>
/// <param name="Elapsed">Time taken by the reload itself (after the debounce).</param>
public sealed class PluginReloadedEventArgs(string Folder, PluginLoadReport Report, IReadOnlyList<string> Removed, IReadOnlyList<string> Added, TimeSpan Elapsed) : EventArgs
{
    /// <summary>The reloaded plugin folder.</summary>
    public string Folder { get; } = Folder;

    /// <summary>The host's report after the reload.</summary>
    public PluginLoadReport Report { get; } = Report;

    /// <summary>Device names no longer offered.</summary>
    public IReadOnlyList<string> Removed { get; } = Removed;

    /// <summary>Device names offered now that were not before.</summary>
    public IReadOnlyList<string> Added { get; } = Added;

    /// <summary>Time taken by the reload.</summary>
    public TimeSpan Elapsed { get; } = Elapsed;
}
