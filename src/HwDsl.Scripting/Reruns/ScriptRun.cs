using HwDsl.Experiments;

namespace HwDsl.Scripting;

/// <summary>
/// One <c>hwdsl run</c> of a compiled script, fresh, resumed or replayed: its values, its output folder, the invocation
/// recorded in each run folder, and the earlier runs to continue (none for a fresh run).
/// </summary>
public sealed record ScriptRun(CompiledScript Script, IReadOnlyDictionary<string, string> Sets, bool Quick, IReadOnlyList<string> Args, string Output,
    ScriptInvocation Invocation, ResumeSource? Resume)
{
    /// <summary>A fresh invocation.</summary>
    public static ScriptRun Fresh(CompiledScript script, IReadOnlyDictionary<string, string> sets, bool quick, IReadOnlyList<string> args, string output, int threads)
    {
        ArgumentNullException.ThrowIfNull(script);
        output = Path.GetFullPath(output);
        return new ScriptRun(script, sets, quick, args, output,
            new ScriptInvocation(ScriptInvocation.NewId(), script.Path, ScriptInvocation.HashSources(script.SourceFiles), sets, quick, args, threads, output), null);
    }

    /// <summary>Runs it with <paramref name="options"/> (pool, observer, devices…; the run root is the output's <c>runs/</c>
    /// unless the options name one) and returns the globals the script ran with (its run folders, its report).</summary>
    public ScriptGlobals Execute(ExperimentOptions options, TextWriter? writer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options with { RunRoot = options.RunRoot ?? Path.Combine(Output, "runs"), Invocation = Invocation, Resume = Resume };
        var globals = new ScriptGlobals(Args, Quick, Output, options, Sets, writer);
        ScriptRunner.Run(Script, globals, Sets.Keys);
        return globals;
    }
}
