namespace HwDsl.Plugins;

/// <summary>A folder searched for plugins and why it is searched.</summary>
/// <param name="Path">Absolute folder path.</param>
/// <param name="Origin">Where the folder came from: "beside hwdsl", "$HWDSL_PLUGINS" or "--plugins".</param>
public sealed record PluginRoot(string Path, string Origin);
