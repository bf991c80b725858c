using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using HwDsl.Contracts;
using Xunit.Abstractions;

namespace HwDsl.Plugins.Tests;

[Collection(PluginCollection.Name)]
public sealed class HotReloadTests(PluginWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void Rebuilding_a_plugin_while_the_host_runs_swaps_in_the_new_behaviour()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Toy", root);
        using var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root], Watch = true });
        var reloads = new BlockingCollection<PluginReloadedEventArgs>();
        host.Reloaded += (_, e) => reloads.Add(e);
        var before = host.Catalog;
        Assert.Equal("1.0.0", before.Resolve("toy").Version);
        Assert.Equal(0.1 + 0.9 * 0.5, Curve.At(before.Resolve("toy"), 0.5), 12);

        // Edit the source (γ = 2, version 2.0.0) and rebuild straight into the watched plugin folder.
        foreach (var source in Directory.EnumerateFiles(workspace.Source("Toy"), "*.cs"))
            File.WriteAllText(source, File.ReadAllText(source).Replace("Exponent = 1.0", "Exponent = 2.0").Replace("\"1.0.0\"", "\"2.0.0\""));
        var build = DotnetCli.Run(workspace.Root, "build", Path.Combine(workspace.Source("Toy"), "Toy.csproj"), "-c", "Release", "--no-restore", $"-p:OutDir={folder}/");
        var built = Stopwatch.StartNew();

        PluginReloadedEventArgs? seen = null;
        while (built.Elapsed < TimeSpan.FromSeconds(60) && host.Catalog.Resolve("toy").Version != "2.0.0")
            if (reloads.TryTake(out var e, TimeSpan.FromSeconds(1))) seen = e;
        // A slow build (a loaded machine) is quiet for longer than the debounce between its writes: the reload may have
        // happened before the build returned, its event already queued.
        while (reloads.TryTake(out var queued)) seen = queued;
        // The catalog is swapped before the event is raised: under load the loop can see the new version first.
        if (seen is null && reloads.TryTake(out var late, TimeSpan.FromSeconds(10))) seen = late;
        var latency = built.Elapsed;
        output.WriteLine($"rebuild {build.TotalSeconds:F1} s; new device seen {latency.TotalMilliseconds:F0} ms after the build returned (debounce 300 ms); last reload itself {seen?.Elapsed.TotalMilliseconds:F0} ms");

        var toy = host.Catalog.Resolve("toy");
        Assert.Equal("2.0.0", toy.Version);
        Assert.Equal(0.1 + 0.9 * 0.25, Curve.At(toy, 0.5), 12);
        Assert.NotNull(seen);
        Assert.Equal(folder, seen.Folder);
        Assert.Empty(seen.Removed);     // same name, new code
        Assert.Empty(host.Report.Diagnostics);
        // The catalog taken before is a snapshot: a running experiment keeps the device it started with.
        Assert.Equal("1.0.0", before.Resolve("toy").Version);
    }

    [Fact]
    public void A_reload_really_unloads_the_old_context()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Toy", root);
        using var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root] });
        var old = UseAndForget(host, folder);

        host.ReloadFolder(folder);
        for (var i = 0; i < 20 && old.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(old.IsAlive, "the old plugin context is still referenced after the reload");
        Assert.NotNull(host.ContextOf(folder));
        Assert.Equal(0.1 + 0.9 * 0.5, Curve.At(host.Catalog.Resolve("toy"), 0.5), 12);
    }

    [Fact]
    public void Removing_and_adding_plugin_folders_is_seen_by_the_watcher()
    {
        var root = workspace.NewPluginRoot();
        var toy = workspace.Drop("Toy", root);
        using var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root], Watch = true, Debounce = TimeSpan.FromMilliseconds(100) });
        var reloads = new BlockingCollection<PluginReloadedEventArgs>();
        host.Reloaded += (_, e) => reloads.Add(e);

        workspace.Drop("Numerics", root);
        Assert.True(WaitFor(reloads, () => host.Catalog.Names.Contains("numerics")), "the new plugin folder was not loaded");
        Directory.Delete(toy, recursive: true);
        Assert.True(WaitFor(reloads, () => !host.Catalog.Names.Contains("toy")), "the removed plugin's device is still offered");
        Assert.Equal(["numerics", "nvm"], host.Catalog.Names);
    }

    [Fact]
    public async Task Readers_never_see_a_catalog_without_the_device_while_it_reloads()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Toy", root);
        using var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root] });
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var misses = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Remove-then-add would open a window without "toy"; the swap has none.
                if (!host.Catalog.TryResolve("toy", out _)) Interlocked.Increment(ref misses);
                Interlocked.Increment(ref reads);
            }
        });
        for (var i = 0; i < 30; i++) host.ReloadFolder(folder);
        stop.Cancel();
        await reader;
        Assert.True(reads > 30, $"the reader ran only {reads} times");
        Assert.Equal(0, misses);
    }

    [Fact]
    public void Dispose_unloads_every_plugin()
    {
        var root = workspace.NewPluginRoot();
        var folder = workspace.Drop("Toy", root);
        var host = PluginHost.Start(new PluginHostOptions { UseDefaultLocations = false, Folders = [root], Watch = true });
        var context = WeakContext(host, folder);
        host.Dispose();
        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive);
        Assert.Equal(["nvm"], host.Catalog.Names);
    }

    // Uses the device in a frame of its own, so nothing on this test's stack keeps the old context alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference UseAndForget(PluginHost host, string folder)
    {
        var context = host.ContextOf(folder)!;
        Assert.Equal(0.1 + 0.9 * 0.5, Curve.At(host.Catalog.Resolve("toy"), 0.5), 12);
        return new WeakReference(context);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakContext(PluginHost host, string folder) => new(host.ContextOf(folder) ?? throw new InvalidOperationException("not loaded"));

    private static bool WaitFor(BlockingCollection<PluginReloadedEventArgs> reloads, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) reloads.TryTake(out _, TimeSpan.FromMilliseconds(200));
        return condition();
    }
}
