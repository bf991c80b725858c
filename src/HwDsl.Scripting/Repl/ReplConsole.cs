namespace HwDsl.Scripting.Repl;

/// <summary>
/// The REPL's terminal: line editing (<see cref="LineEditor"/>) with history (kept in <see cref="ScriptPaths.Home"/>/history) and Tab
/// completion on a terminal, or plain lines from a pipe. A submission continues over lines (prompt <c>...&gt;</c>) until
/// it is complete; Ctrl-C cancels the running submission, not the session.
/// </summary>
public sealed class ReplConsole(ReplEngine engine, TextWriter output)
{
    private const int HistoryKept = 1000;
    private CancellationTokenSource _running = new();

    /// <summary>The history file.</summary>
    public static string HistoryPath => Path.Combine(ScriptPaths.Home, "history");

    /// <summary>Reads and runs submissions until <c>#quit</c> or end of input; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        Console.CancelKeyPress += OnCancel;
        try
        {
            var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
            if (interactive)
            {
                output.WriteLine("hwdsl repl: C# with the DSL imported. #help for help, #quit to leave.");
                engine.Completion.Warm();
            }
            var editor = interactive ? CreateEditor() : null;
            var buffer = new List<string>();
            while (!stop.IsCancellationRequested)
            {
                var line = editor is null ? await Console.In.ReadLineAsync(stop).ConfigureAwait(false) : editor.ReadLine(buffer.Count > 0 ? "  ...> " : "hwdsl> ");
                if (line is null) break;
                if (editor is not null && line.Trim().Length > 0)
                {
                    editor.AddHistory(line);
                    AppendHistory(line);
                }
                buffer.Add(line);
                var code = string.Join("\n", buffer);
                if (!ReplEngine.IsComplete(code)) continue;
                buffer.Clear();
                if (_running.IsCancellationRequested) _running = new CancellationTokenSource();
                if (!await engine.SubmitAsync(code, _running.Token).ConfigureAwait(false)) break;
            }
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;   // Ctrl-C stops the running submission; #quit or Ctrl-D leaves
        _running.Cancel();
    }

    private LineEditor CreateEditor()
    {
        var editor = new LineEditor(output, (line, caret) =>
        {
            try
            {
                return engine.Completion.Complete(line, caret);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return [];   // completion must never break the line being typed
            }
        });
        foreach (var line in LoadHistory()) editor.AddHistory(line);
        return editor;
    }

    private static IEnumerable<string> LoadHistory()
    {
        try
        {
            return File.Exists(HistoryPath) ? File.ReadLines(HistoryPath).TakeLast(HistoryKept).ToArray() : [];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static void AppendHistory(string line)
    {
        try
        {
            Directory.CreateDirectory(ScriptPaths.Home);
            File.AppendAllText(HistoryPath, line.ReplaceLineEndings(" ") + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // History is a convenience: a read-only home must not end the session.
        }
    }
}
