using HwDsl.Compiler;

namespace HwDsl.Scripting.Repl;

/// <summary>The devices of a <see cref="DeviceCatalog"/> (built-in ones), for a REPL without a plugin host.</summary>
public sealed class CatalogPlugins(DeviceCatalog catalog) : IReplPlugins
{
    /// <inheritdoc />
    public IReadOnlyList<string> Describe() =>
        [.. catalog.Names.Select(n => catalog.Resolve(n)).Select(d => $"{d.Name,-12} {d.Version,-8} built-in  {d.Description}")];

    /// <inheritdoc />
    public IReadOnlyList<string> Reload() => ["no plugin host in this session: only built-in devices, nothing to reload."];
}
