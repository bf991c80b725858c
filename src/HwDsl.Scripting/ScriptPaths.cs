namespace HwDsl.Scripting;

/// <summary>Where scripting keeps its files, and how paths are shown to the user.</summary>
public static class ScriptPaths
{
    /// <summary>$HWDSL_HOME, else ~/.local/share/hwdsl ($XDG_DATA_HOME honoured): REPL history.</summary>
    public static string Home =>
        Environment.GetEnvironmentVariable("HWDSL_HOME") is { Length: > 0 } home ? home
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "hwdsl");

    /// <summary>$HWDSL_HOME/cache/scripts, else ~/.cache/hwdsl/scripts ($XDG_CACHE_HOME honoured): compiled scripts.</summary>
    public static string Cache =>
        Environment.GetEnvironmentVariable("HWDSL_HOME") is { Length: > 0 } home ? Path.Combine(home, "cache", "scripts")
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "hwdsl", "scripts");

    /// <summary><paramref name="path"/> relative to the working folder when it lies below it, else as given.</summary>
    public static string Display(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        if (!System.IO.Path.IsPathRooted(path)) return path;
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
