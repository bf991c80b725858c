namespace HwDsl.Scripting.Repl;

/// <summary>
/// Whole submissions, oldest first, kept in <see cref="ScriptPaths.Home"/>/history one per line; the line breaks inside a
/// submission are stored as U+2028 (a line separator to C# too, so even an old reader sees the same code). A submission
/// run again moves to the end instead of being listed twice; the file is appended to, and rewritten with what is kept
/// once it holds twice as many lines.
/// </summary>
internal sealed class ReplHistory(string path)
{
    private const int Kept = 1000;
    private const char Separator = '\u2028';
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries => _entries;

    public static ReplHistory Load(string path)
    {
        var history = new ReplHistory(path);
        try
        {
            if (!File.Exists(path)) return history;
            var lines = File.ReadAllLines(path);
            foreach (var line in lines) history.Remember(line.Replace(Separator, '\n'));
            if (history._entries.Count > Kept) history._entries.RemoveRange(0, history._entries.Count - Kept);
            if (lines.Length > 2 * Kept) File.WriteAllLines(path, history._entries.Select(Encode));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // History is a convenience: an unreadable file starts an empty one.
        }
        return history;
    }

    /// <summary>Keeps <paramref name="submission"/> (not twice in a row) and appends it to the file.</summary>
    public void Add(string submission)
    {
        if (!Remember(submission)) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, Encode(submission) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home must not end the session.
        }
    }

    private static string Encode(string submission) => submission.TrimEnd().ReplaceLineEndings("\n").Replace('\n', Separator);

    private bool Remember(string submission)
    {
        submission = submission.TrimEnd().ReplaceLineEndings("\n");
        if (submission.Length == 0 || (_entries.Count > 0 && _entries[^1] == submission)) return false;
        _entries.Remove(submission);
        _entries.Add(submission);
        return true;
    }
}
