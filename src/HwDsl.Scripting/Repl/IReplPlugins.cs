namespace HwDsl.Scripting.Repl;

/// <summary>
/// What the REPL's <c>#plugins</c> and <c>#reload</c> need from a plugin host. The host in HwDsl.Plugins satisfies it;
/// until it is wired in, <see cref="CatalogPlugins"/> lists the devices of a <see cref="Compiler.DeviceCatalog"/>.
/// </summary>
public interface IReplPlugins
{
    /// <summary>One line per device: name, version, where it comes from (built-in or the plugin's path), presets.</summary>
    IReadOnlyList<string> Describe();

    /// <summary>Reloads the plugins from disk and says what changed (one line per plugin, errors included).</summary>
    IReadOnlyList<string> Reload();
}
