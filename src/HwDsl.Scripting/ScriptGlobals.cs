using System.Collections.Concurrent;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;

namespace HwDsl.Scripting;

/// <summary>
/// What every <c>.csx</c> script and REPL submission sees as globals (the interface pinned between the issues):
/// <see cref="Args"/>, <see cref="Quick"/>, <see cref="Output"/>, <see cref="Cancel"/>, <see cref="Options"/>,
/// <see cref="Run"/>, <see cref="Param{T}"/> and <see cref="Out"/>.
/// </summary>
public sealed class ScriptGlobals
{
    private readonly ConcurrentDictionary<string, Dataset> _data = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScriptParameters _parameters;
    private readonly List<string> _runs = [];

    /// <summary>The line that heads every table of a <c>--quick</c> run.</summary>
    public const string SmokeTestNote = ResultTable.SmokeTestNote;

    /// <summary>Globals for one run. <paramref name="options"/> should carry pool, observer, store, devices and run root.</summary>
    public ScriptGlobals(IReadOnlyList<string> args, bool quick, string output, ExperimentOptions options,
        IReadOnlyDictionary<string, string>? parameters = null, TextWriter? writer = null)
    {
        Args = args;
        Quick = quick;
        Output = output;
        Directory.CreateDirectory(output);
        ArgumentNullException.ThrowIfNull(options);
        var recorded = options.Recorded;
        Options = options with
        {
            SmokeTest = options.SmokeTest || quick,
            Recorded = r => { Record(r); recorded?.Invoke(r); },
        };
        // Quick numbers mean nothing: every Markdown table a script prints says so above it.
        Out = quick ? new SmokeTestWriter(writer ?? Console.Out, SmokeTestNote) : writer ?? Console.Out;
        _parameters = new ScriptParameters(parameters ?? new Dictionary<string, string>());
    }

    /// <summary>The script's own arguments (what follows <c>--</c> on the command line).</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>True when <c>--quick</c> was given: a small subset that runs in seconds (the tests run every script this way).</summary>
    public bool Quick { get; }

    /// <summary>This run's results folder (created); scripts write their tables here.</summary>
    public string Output { get; }

    /// <summary>Cancelled by Ctrl-C; training stops between mini-batches and what was written stays.</summary>
    public CancellationToken Cancel => Options.Cancel;

    /// <summary>Pool, progress observer, data store, device catalog, cancellation and run root, ready for <see cref="ExperimentRunner"/>.</summary>
    public ExperimentOptions Options { get; private set; }

    /// <summary>Where scripts print; the console in <c>hwdsl run</c>.</summary>
    public TextWriter Out { get; }

    /// <summary>
    /// Runs <paramref name="spec"/> with <see cref="Options"/> (on the quick subset when <see cref="Quick"/>), showing progress.
    /// Throws <see cref="OperationCanceledException"/> after a cancelled run, once its run folder is written.
    /// </summary>
    public ExperimentResult Run(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = ExperimentRunner.Run(spec, OptionsFor(spec));
        Cancel.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary><see cref="Options"/> with <paramref name="spec"/>'s data set loaded (the quick subset when <see cref="Quick"/>), for
    /// <see cref="ExperimentRunner.Run(ExperimentSpec, ExperimentOptions?, out CompiledNetwork)"/> and <see cref="ExperimentRunner.Transfer"/>.</summary>
    public ExperimentOptions OptionsFor(ExperimentSpec spec) => Options with { Data = Data(spec.Data) };

    /// <summary>The data set, loaded once per run; the first <see cref="QuickData.TrainCount"/> / <see cref="QuickData.TestCount"/> samples when <see cref="Quick"/>.</summary>
    public Dataset Data(DatasetRef data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return _data.GetOrAdd(data.Name, name =>
        {
            var full = Options.LoadData(name);
            return Quick ? QuickData.Subset(full) : full;
        });
    }

    /// <summary>
    /// The value of <c>--set name=value</c> converted to <typeparamref name="T"/>, else <paramref name="fallback"/>.
    /// Write <paramref name="name"/> as a string literal: <c>hwdsl run</c> finds the names in the source to check <c>--set</c>.
    /// </summary>
    public T Param<T>(string name, T fallback) => _parameters.Get(name, fallback);

    /// <summary>
    /// Before the script runs: parses every <c>--set</c> value as the type the script reads it as (so <c>--set epochs=abc</c>
    /// fails even under <c>--quick</c>, where the script may never read it), and says which given values <c>--quick</c>
    /// overrides (read only where <c>Quick</c> is false).
    /// </summary>
    internal void CheckParameters(CompiledScript script)
    {
        _parameters.Check(script.ParameterTypes, ScriptPaths.Display(script.Path));
        if (!Quick) return;
        foreach (var name in _parameters.Given(script.QuickOverridden))
            Out.WriteLine($"note: --quick overrides --set {name}={_parameters.Value(name)}: {ScriptPaths.Display(script.Path)} reads '{name}' only without --quick (Quick ? … : Param(\"{name}\", …)).");
    }

    /// <summary>Variables the REPL carries over when it restarts its submission chain (read by the generated carry-over submission).</summary>
    public IDictionary<string, object?> Carried { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Makes later runs use <paramref name="devices"/> (the REPL calls it when the plugin host reloads).</summary>
    public void UseDevices(DeviceCatalog devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        Options = Options with { Devices = devices };
    }

    /// <summary>The REPL gives each submission a fresh token, so one Ctrl-C stops one submission, not the session.</summary>
    internal void ResetCancel(CancellationToken cancel) => Options = Options with { Cancel = cancel };

    /// <summary>The run folders this script's experiments wrote, in order (also in <see cref="Output"/>/runs.json, which the report reads).</summary>
    public IReadOnlyList<string> RunFolders
    {
        get { lock (_runs) return [.. _runs]; }
    }

    /// <summary>
    /// Writes the HTML report (SVG figures: training curves, deployed vs software accuracy, weight and conductance histograms,
    /// dies, accuracy over time) of <paramref name="folder"/>, by default <see cref="Output"/> with this script's runs, to
    /// <c>report.html</c> in it, and returns the file's path. <c>hwdsl run</c> writes it at the end of every script anyway.
    /// </summary>
    public string Report(string? folder = null) => Reports.Report.Write(folder ?? Output).File;

    /// <summary>Writes <paramref name="text"/> to <paramref name="fileName"/> in <see cref="Output"/> atomically (a stopped run keeps the last complete file).
    /// With <see cref="Quick"/>, a Markdown file (<c>.md</c>) starts with a line saying the numbers are a smoke test.</summary>
    public string Save(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (Quick && fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !text.StartsWith(SmokeTestNote, StringComparison.Ordinal))
            text = SmokeTestNote + "\n\n" + text;
        var path = Path.Combine(Output, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        RunFolder.WriteAtomic(path, text);
        return path;
    }

    // Each finished run is listed in Output/runs.json (relative paths where the run lives below Output), for the report.
    private void Record(ExperimentResult result)
    {
        if (string.IsNullOrEmpty(result.RunFolder)) return;
        string json;
        lock (_runs)
        {
            if (_runs.Contains(result.RunFolder)) return;
            _runs.Add(result.RunFolder);
            var full = Path.GetFullPath(Output);
            json = System.Text.Json.JsonSerializer.Serialize(_runs.Select(r =>
            {
                var relative = Path.GetRelativePath(full, r);
                return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? r : relative;
            }), new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        }
        RunFolder.WriteAtomic(Path.Combine(Output, Reports.Report.RunIndex), json + "\n");
    }
}
