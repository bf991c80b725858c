using System.Diagnostics;
using HwDsl.Compiler;

namespace HwDsl.Plugins;

/// <summary>
/// Finds device plugins (see <see cref="PluginSearchPath"/>), loads each plugin folder into its own collectible
/// context, and offers the built-in and plugin devices as a <see cref="DeviceCatalog"/>. A reload swaps in a new
/// catalog in one step (readers see the old or the new set, never a mix) and unloads the old context; with
/// <see cref="PluginHostOptions.Watch"/> a changed plugin folder reloads by itself.
/// </summary>
/// <remarks>
/// <see cref="Catalog"/> is a snapshot: code that keeps one (a running experiment) keeps its devices, and the old
/// context is collected once nothing refers to its devices any more. Ask the host again to see reloads.
/// </remarks>
public sealed class PluginHost : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<LoadedDevice> _builtIn;
    private readonly List<FolderLoad> _folders = [];
    private readonly List<RootWatcher> _watchers = [];
    private IReadOnlyList<PluginDiagnostic> _rootDiagnostics = [];
    private Snapshot _state;
    private bool _disposed;

    /// <summary>A host with only the built-in devices until <see cref="Load"/> is called.</summary>
    public PluginHost(PluginHostOptions? options = null)
    {
        Options = options ?? new PluginHostOptions();
        Roots = PluginSearchPath.Roots(Options);
        var builtIn = new DeviceCatalog();
        _builtIn = [.. builtIn.Names.Select(n => new LoadedDevice(builtIn.Resolve(n), LoadedDevice.BuiltIn, null, null))];
        _state = new Snapshot(builtIn, new PluginLoadReport(_builtIn, []));
    }

    /// <summary>Creates a host, loads every plugin and, when <see cref="PluginHostOptions.Watch"/> is set, starts watching.</summary>
    public static PluginHost Start(PluginHostOptions? options = null)
    {
        var host = new PluginHost(options);
        host.Load();
        if (host.Options.Watch) host.StartWatching();
        return host;
    }

    /// <summary>The options the host was created with.</summary>
    public PluginHostOptions Options { get; }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<PluginRoot> Roots { get; }

    /// <summary>The contract version this host carries (plugins must match its major and not exceed its minor).</summary>
    public static Version ContractVersion => ContractCompatibility.Host;

    /// <summary>The devices on offer now (built-in and plugins).</summary>
    public DeviceCatalog Catalog => Volatile.Read(ref _state).Catalog;

    /// <summary>The devices on offer now with their sources, and the problems of the last load of each folder.</summary>
    public PluginLoadReport Report => Volatile.Read(ref _state).Report;

    /// <summary>Raised after each reload (watcher or <see cref="Reload"/>), on the thread that reloaded.</summary>
    public event EventHandler<PluginReloadedEventArgs>? Reloaded;

    /// <summary>Searches every root and loads every plugin folder (the same as <see cref="Reload"/>).</summary>
    public PluginLoadReport Load() => Reload();

    /// <summary>Unloads every plugin and loads the roots afresh (new folders appear, removed ones go).</summary>
    public PluginLoadReport Reload()
    {
        PluginReloadedEventArgs args;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var clock = Stopwatch.StartNew();
            var before = Names();
            var old = _folders.ToList();
            _folders.Clear();
            _rootDiagnostics = [.. Roots.Where(r => r.Origin != "beside hwdsl" && !Directory.Exists(r.Path)).Select(r => PluginDiagnostic.Create(
                PluginDiagnosticCodes.FolderMissing, Path.GetFileName(r.Path), r.Path, $"the plugin folder given by {r.Origin} does not exist."))];
            foreach (var root in Roots)
                foreach (var folder in PluginSearchPath.PluginFolders(root.Path))
                    _folders.Add(PluginFolderLoader.Load(folder, name => TakenBy(name, except: null)));
            Publish();
            foreach (var f in old) f.Unload();
            args = Changes(string.Join(Path.PathSeparator, Roots.Select(r => r.Path)), before, clock.Elapsed);
        }
        Reloaded?.Invoke(this, args);
        return args.Report;
    }

    /// <summary>Reloads one plugin folder: its old devices leave the catalog and its new ones enter it in one step.</summary>
    public PluginLoadReport ReloadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        PluginReloadedEventArgs args;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var clock = Stopwatch.StartNew();
            var before = Names();
            var index = _folders.FindIndex(f => f.Folder == folder);
            var old = index >= 0 ? _folders[index] : null;
            // The folder's own names are free again while it reloads; everyone else keeps theirs.
            var fresh = PluginFolderLoader.Load(folder, name => TakenBy(name, except: folder));
            var empty = fresh.Loader is null && fresh.Devices.Count == 0 && fresh.Diagnostics.Count == 0;
            // A deleted folder (or a stray file beside the plugin folders) leaves nothing behind.
            if (index >= 0 && empty) _folders.RemoveAt(index);
            else if (index >= 0) _folders[index] = fresh;
            else if (!empty) _folders.Add(fresh);
            Publish();
            old?.Unload();
            args = Changes(folder, before, clock.Elapsed);
        }
        Reloaded?.Invoke(this, args);
        return args.Report;
    }

    /// <summary>Starts watching every existing root; changed plugin folders reload after the debounce.</summary>
    public void StartWatching()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_watchers.Count > 0) return;
            foreach (var root in Roots.Where(r => Directory.Exists(r.Path)))
                _watchers.Add(new RootWatcher(root.Path, Options.Debounce, WatchedFolderChanged));
        }
    }

    /// <summary>Stops watching and unloads every plugin.</summary>
    public void Dispose()
    {
        List<RootWatcher> watchers;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            watchers = [.. _watchers];
            _watchers.Clear();
            foreach (var f in _folders) f.Unload();
            _folders.Clear();
            Volatile.Write(ref _state, new Snapshot(new DeviceCatalog(), new PluginLoadReport(_builtIn, [])));
        }
        foreach (var w in watchers) w.Dispose();
    }

    /// <summary>The context of a loaded plugin folder (tests check that reloads really unload it).</summary>
    internal System.Runtime.Loader.AssemblyLoadContext? ContextOf(string folder)
    {
        lock (_gate) return _folders.FirstOrDefault(f => f.Folder == Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))?.Loader?.LoadContext;
    }

    private void WatchedFolderChanged(string folder)
    {
        try
        {
            lock (_gate)
                if (_disposed) return;
            ReloadFolder(folder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Runs on a timer thread, where an exception would end the process; keep it as a diagnostic instead.
            lock (_gate)
            {
                _rootDiagnostics = [.. _rootDiagnostics, PluginDiagnostic.Create(PluginDiagnosticCodes.LoadFailed, Path.GetFileName(folder), folder, $"reload failed: {e.GetType().Name}: {e.Message}")];
                if (!_disposed) Publish();
            }
        }
    }

    private string? TakenBy(string name, string? except)
    {
        if (_builtIn.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)) is not null) return "the built-in device";
        return _folders.Where(f => f.Folder != except).SelectMany(f => f.Devices)
            .FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))?.Source;
    }

    private void Publish()
    {
        var catalog = new DeviceCatalog();
        var plugins = _folders.SelectMany(f => f.Devices).ToList();
        foreach (var d in plugins) catalog.Register(d.Device);
        var report = new PluginLoadReport([.. _builtIn, .. plugins], [.. _rootDiagnostics, .. _folders.SelectMany(f => f.Diagnostics)]);
        Volatile.Write(ref _state, new Snapshot(catalog, report));
    }

    private HashSet<string> Names() => new(Report.Devices.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);

    private PluginReloadedEventArgs Changes(string folder, HashSet<string> before, TimeSpan elapsed)
    {
        var report = Report;
        var after = Names();
        return new PluginReloadedEventArgs(folder, report, [.. before.Except(after).Order()], [.. after.Except(before).Order()], elapsed);
    }

    private sealed record Snapshot(DeviceCatalog Catalog, PluginLoadReport Report);
}
