namespace HwDsl.Plugins;

/// <summary>One problem with one plugin, printed as a single line naming the plugin and the file.</summary>
/// <param name="Code">A stable code from <see cref="PluginDiagnosticCodes"/>.</param>
/// <param name="Plugin">The plugin folder's name.</param>
/// <param name="Path">The file (or folder) concerned.</param>
/// <param name="Message">What is wrong and what to do, one line.</param>
public sealed record PluginDiagnostic(string Code, string Plugin, string Path, string Message)
{
    /// <summary>Builds a diagnostic, folding any line breaks in <paramref name="message"/> into one line.</summary>
    public static PluginDiagnostic Create(string code, string plugin, string path, string message)
        => new(code, plugin, path, string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary><c>path: error HW016x: plugin 'name': message</c>.</summary>
    public override string ToString() => $"{Path}: error {Code}: plugin '{Plugin}': {Message}";
}
