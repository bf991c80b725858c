using System.Diagnostics;
using HwDsl.Compiler;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// The REPL without its terminal: submissions chained with <c>ContinueWithAsync</c>, directives (<c>#help</c>,
/// <c>#plugins</c>, <c>#reload</c>, <c>#memory</c>, <c>#quit</c>), values printed readably, errors as located one-liners.
/// <para>
/// Roslyn keeps every submission's compilation reachable from the newest state (each compilation points at the previous
/// one), so a long session grows without bound. Every <see cref="RestartEvery"/> submissions the chain is restarted
/// (<see cref="ReplChain"/>): declarations are replayed and variables carried over by value, and the old compilations
/// become garbage. Only the small emitted submission assemblies stay loaded.
/// </para>
/// </summary>
public sealed class ReplEngine
{
    private readonly ScriptGlobals _globals;
    private readonly IReplPlugins _plugins;
    private readonly TextWriter _out;
    private readonly ReplChain _chain = new();
    private ScriptState<object?>? _state;
    private int _sinceRestart;

    /// <summary>A session over <paramref name="globals"/>; output goes to <paramref name="output"/>.</summary>
    public ReplEngine(ScriptGlobals globals, IReplPlugins plugins, TextWriter output, int restartEvery = 100)
    {
        _globals = globals;
        _plugins = plugins;
        _out = output;
        RestartEvery = restartEvery;
        Completion = new ReplCompletion();
    }

    /// <summary>Submissions between restarts of the chain (0: never restart).</summary>
    public int RestartEvery { get; }

    /// <summary>Submissions run so far (directives excluded).</summary>
    public int Submissions { get; private set; }

    /// <summary>Submissions and directives that failed (compile errors, DSL errors, exceptions, unknown directives); cancelled ones are not counted.</summary>
    public int Failures { get; private set; }

    /// <summary>Restarts of the submission chain so far.</summary>
    public int Restarts { get; private set; }

    /// <summary>Completion over the session's code so far.</summary>
    public ReplCompletion Completion { get; }

    /// <summary>The session's variables (newest value of each name).</summary>
    public IReadOnlyDictionary<string, object?> Variables => ReplChain.Latest(_state);

    /// <summary>True when <paramref name="code"/> is a whole submission (or a directive); false while a block, string or call is open.</summary>
    public static bool IsComplete(string code)
    {
        if (ReplDirectives.IsDirective(code)) return true;
        var tree = SyntaxFactory.ParseSyntaxTree(code, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree);
    }

    /// <summary>Runs one submission or directive. Returns false when the user asked to quit.</summary>
    public async Task<bool> SubmitAsync(string code, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (string.IsNullOrWhiteSpace(code)) return true;
        if (ReplDirectives.IsDirective(code)) return RunDirective(code.Trim());

        _globals.ResetCancel(cancel);
        Submissions++;
        var options = ScriptCompiler.Options(null).WithFilePath($"repl[{Submissions}]");
        try
        {
            _state = _state is null
                ? await CSharpScript.RunAsync(code, options, _globals, typeof(ScriptGlobals), cancel).ConfigureAwait(false)
                : await _state.ContinueWithAsync(code, options, cancel).ConfigureAwait(false);
            _chain.Add(code);
            Completion.Add(code);
            if (ReplPrinter.Format(_state.ReturnValue, _globals.Options.Devices ?? DeviceCatalog.Default) is { } text) _out.WriteLine(text);
        }
        catch (CompilationErrorException e)
        {
            Failures++;
            foreach (var d in e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) _out.WriteLine(ScriptCompiler.Format(d));
        }
        catch (SpecException e)
        {
            Failures++;
            _out.WriteLine(ScriptRunner.Describe(e));
        }
        catch (OperationCanceledException)
        {
            _out.WriteLine("cancelled (what was written stays in the run folder).");
        }
        catch (Exception e)
        {
            Failures++;
            _out.WriteLine($"error: {e.GetType().Name}: {e.Message}");
        }
        if (RestartEvery > 0 && ++_sinceRestart >= RestartEvery && _state is not null) await RestartAsync(cancel).ConfigureAwait(false);
        return true;
    }

    /// <summary>Starts a new submission chain holding the same declarations and variables; the old compilations become garbage.</summary>
    public async Task RestartAsync(CancellationToken cancel = default)
    {
        var (state, dropped) = await _chain.RestartAsync(_state, _globals, cancel).ConfigureAwait(false);
        _state = state;
        _sinceRestart = 0;
        Restarts++;
        foreach (var d in dropped) _out.WriteLine($"note: variable {d} was not carried over the chain restart (its type is declared in the session or unnamed).");
    }

    private bool RunDirective(string line)
    {
        var (name, _) = ReplDirectives.Split(line);
        switch (name)
        {
            case "#quit" or "#exit":
                return false;
            case "#help":
                foreach (var l in ReplDirectives.Help) _out.WriteLine(l);
                break;
            case "#plugins":
                foreach (var l in _plugins.Describe()) _out.WriteLine(l);
                break;
            case "#reload":
                foreach (var l in _plugins.Reload()) _out.WriteLine(l);
                break;
            case "#memory":
                _out.WriteLine(MemoryLine());
                break;
            default:
                Failures++;
                _out.WriteLine($"unknown directive {name}; known: {string.Join(", ", ReplDirectives.Names)} (and #r, #load).");
                break;
        }
        return true;
    }

    /// <summary>Heap after a full collection, working set, submissions and restarts: what <c>#memory</c> prints.</summary>
    public string MemoryLine()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return $"managed heap {heap / 1e6:F1} MB, working set {self.WorkingSet64 / 1e6:F1} MB, {Submissions} submissions, {Restarts} chain restarts, " +
               $"{AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded";
    }
}
