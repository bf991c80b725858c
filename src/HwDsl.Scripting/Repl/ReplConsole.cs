namespace HwDsl.Scripting.Repl;

/// <summary>
/// The REPL's terminal. On a terminal: the <see cref="ReplEditor"/> (history of whole submissions in
/// <see cref="ScriptPaths.Home"/>/history, completion, parameter help, colours); Ctrl-C during a submission cancels it
/// (training stops between mini-batches) and returns to the prompt with the session intact, Ctrl-C at the prompt clears
/// the submission, Ctrl-D or <c>#quit</c> leaves. From a pipe: lines joined until each submission is complete, and the
/// exit code is 1 when any submission failed.
/// </summary>
public sealed class ReplConsole(ReplEngine engine, TextWriter output)
{
    /// <summary>A second Ctrl-C this long after the first, while a submission still runs, leaves the session.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(2);

    /// <summary>The history file.</summary>
    public static string HistoryPath => Path.Combine(ScriptPaths.Home, "history");

    /// <summary>Reads and runs submissions until <c>#quit</c> or end of input; returns the exit code.</summary>
    public Task<int> RunAsync(CancellationToken stop)
        => !Console.IsInputRedirected && !Console.IsOutputRedirected ? InteractiveAsync(stop) : PipedAsync(stop);

    private async Task<int> InteractiveAsync(CancellationToken stop)
    {
        output.WriteLine("hwdsl repl: C# with the DSL imported. #help for help, Tab completes, Ctrl-D or #quit leaves.");
        engine.Completion.Warm();
        var history = ReplHistory.Load(HistoryPath);
        var editor = new ReplEditor(output, engine.Completion, history);
        while (!stop.IsCancellationRequested)
        {
            var code = editor.ReadSubmission("hwdsl> ", "  ...> ");
            if (code is null) break;
            if (code.Trim().Length == 0) continue;
            history.Add(code);
            if (!await RunAsync(code).ConfigureAwait(false)) break;
        }
        return 0;
    }

    private async Task<int> PipedAsync(CancellationToken stop)
    {
        var buffer = new List<string>();
        while (await Console.In.ReadLineAsync(stop).ConfigureAwait(false) is { } line)
        {
            buffer.Add(line);
            var code = string.Join("\n", buffer);
            if (!ReplEngine.IsComplete(code)) continue;
            buffer.Clear();
            if (!await RunAsync(code).ConfigureAwait(false)) return Exit();
        }
        // An incomplete submission at the end still runs, so its error is reported (and counted).
        if (buffer.Count > 0 && string.Join("\n", buffer) is { } rest && rest.Trim().Length > 0) await RunAsync(rest).ConfigureAwait(false);
        return Exit();

        int Exit() => engine.Failures > 0 ? 1 : 0;
    }

    // One submission with Ctrl-C cancelling it instead of ending the process.
    private async Task<bool> RunAsync(string code)
    {
        using var running = new CancellationTokenSource();
        var first = DateTime.MinValue;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            if (first == DateTime.MinValue)
            {
                first = DateTime.UtcNow;
                running.Cancel();
            }
            else if (DateTime.UtcNow - first > Stuck)
            {
                // Code that never looks at the token (a tight loop) cannot be stopped from inside.
                output.WriteLine();
                output.WriteLine("hwdsl: the submission did not stop after Ctrl-C; leaving the session.");
                Environment.Exit(130);
            }
        }
        Console.CancelKeyPress += OnCancel;
        try
        {
            return await engine.SubmitAsync(code, running.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
