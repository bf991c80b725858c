namespace HwDsl.Plugins;

/// <summary>How a <see cref="PluginHost"/> finds and watches plugins; every member has a default.</summary>
public sealed record PluginHostOptions
{
    /// <summary>Extra plugin roots (the CLI's <c>--plugins DIR</c>).</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>Also search <c>plugins/</c> beside the host and <c>$HWDSL_PLUGINS</c> (off in tests).</summary>
    public bool UseDefaultLocations { get; init; } = true;

    /// <summary>The host executable's folder (<see cref="AppContext.BaseDirectory"/> when null).</summary>
    public string? HostDirectory { get; init; }

    /// <summary>The value of <c>$HWDSL_PLUGINS</c> to use (read from the environment when null).</summary>
    public string? EnvironmentValue { get; init; }

    /// <summary>Watch the plugin roots and reload a plugin folder when its files change.</summary>
    public bool Watch { get; init; }

    /// <summary>Quiet time after the last file change before a folder reloads (a build writes several files).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);
}
