namespace HwDsl.Plugins;

/// <summary>
/// Watches one plugin root (recursively, so new plugin folders are seen too) and calls back once per plugin folder
/// after its files have been quiet for the debounce time: a build or a copy writes the .dll, .pdb and .deps.json in
/// several steps, and reloading after each would load half-written plugins.
/// </summary>
internal sealed class RootWatcher : IDisposable
{
    private static readonly HashSet<string> Relevant = new(StringComparer.OrdinalIgnoreCase) { "", ".dll", ".pdb", ".json", ".so", ".dylib" };

    private readonly string _root;
    private readonly TimeSpan _debounce;
    private readonly Action<string> _reload;
    private readonly FileSystemWatcher _watcher;
    private readonly Dictionary<string, Timer> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public RootWatcher(string root, TimeSpan debounce, Action<string> reload)
    {
        _root = root;
        _debounce = debounce;
        _reload = reload;
        _watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, e) => Changed(e.FullPath);
        _watcher.Created += (_, e) => Changed(e.FullPath);
        _watcher.Deleted += (_, e) => Changed(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        // A lost event (buffer overflow) could hide a change: reload every folder of the root.
        _watcher.Error += (_, _) =>
        {
            foreach (var folder in PluginSearchPath.PluginFolders(_root)) Schedule(folder);
        };
        _watcher.EnableRaisingEvents = true;
    }

    public string Root => _root;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _pending.Values) timer.Dispose();
            _pending.Clear();
        }
        _watcher.Dispose();
    }

    private void Changed(string path)
    {
        if (!Relevant.Contains(Path.GetExtension(path))) return;
        if (PluginSearchPath.FolderOf(_root, path) is { } folder) Schedule(folder);
    }

    private void Schedule(string folder)
    {
        lock (_gate)
        {
            if (_disposed) return;
            if (!_pending.TryGetValue(folder, out var timer))
                _pending[folder] = timer = new Timer(_ => Fire(folder));
            timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire(string folder)
    {
        lock (_gate)
        {
            if (_disposed) return;
            if (_pending.Remove(folder, out var timer)) timer.Dispose();
        }
        _reload(folder);
    }
}
