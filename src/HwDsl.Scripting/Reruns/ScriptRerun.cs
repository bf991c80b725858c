using HwDsl.Compiler;
using HwDsl.Experiments;

namespace HwDsl.Scripting;

/// <summary>
/// Resume and replay of script runs from what their run folders recorded. Both refuse, naming the reason, when the
/// result could not be bit-identical: another script text, other <c>--set</c> values or <c>--quick</c>, other code,
/// another device plugin build, other data.
/// </summary>
public static class ScriptRerun
{
    /// <summary>
    /// <c>hwdsl run SCRIPT --resume FROM</c>: continues the invocation recorded in <paramref name="from"/> (a run folder, or a
    /// folder holding them) in its own output folder. <paramref name="sets"/> and <paramref name="quick"/> may be left out
    /// (null / false: the recorded ones); given, they must be the recorded ones.
    /// </summary>
    public static ScriptRun Resume(string from, CompiledScript script, IReadOnlyDictionary<string, string>? sets, bool quick,
        IReadOnlyList<string>? args, string? output, int threads, DeviceCatalog devices)
    {
        ArgumentNullException.ThrowIfNull(script);
        var (recorded, run) = RecordedInvocation.Find(from);
        var why = $"cannot resume {from}";
        CheckScript(recorded, script, why);
        if (sets is { Count: > 0 } && !SameSets(sets, recorded.Sets))
            throw new RunException($"{why}: it ran with {Describe(recorded.Sets)}, not {Describe(sets)}; leave --set out to use the recorded values.");
        if (quick && !recorded.Quick) throw new RunException($"{why}: it ran without --quick.");
        if (args is { Count: > 0 } && !args.SequenceEqual(recorded.Args)) throw new RunException($"{why}: it ran with the script arguments [{string.Join(" ", recorded.Args)}].");
        if (output is not null && Path.GetFullPath(output) != recorded.Output)
            throw new RunException($"{why}: its output folder is {recorded.Output}; leave --output out (a resumed run continues where it was).");
        if (Reproduction.Differences(run, devices) is [var first, ..]) throw new RunException($"{why}: {first}; a resumed run would not end as the uninterrupted one.");
        var invocation = new ScriptInvocation(recorded.Id, script.Path, recorded.ScriptSha256, recorded.Sets, recorded.Quick, recorded.Args, threads, recorded.Output);
        return new ScriptRun(script, recorded.Sets, recorded.Quick, recorded.Args, recorded.Output, invocation,
            ResumeSource.Of(Path.Combine(recorded.Output, "runs"), recorded.Id));
    }

    /// <summary>
    /// <c>hwdsl replay RUN</c>: the same script with the same values into a scratch folder, stopped after the recorded run.
    /// The runs before it are restored from copies of their final checkpoints (or run again where they left none); the
    /// recorded run itself trains afresh. Compare with <see cref="Compare"/> afterwards.
    /// </summary>
    public static (ScriptRun Run, RunInfo Recorded) Replay(string runFolder, CompiledScript script, int threads, DeviceCatalog devices, string scratch)
    {
        ArgumentNullException.ThrowIfNull(script);
        var run = RunInfo.Read(runFolder) ?? throw new RunException($"{runFolder}: not a run folder (no readable run.json).");
        var recorded = RecordedInvocation.Of(run);
        var why = $"cannot replay {runFolder}";
        if (run.State is not (RunStatus.Completed or RunStatus.Failed or RunStatus.Diverged))
            throw new RunException($"{why}: it is {run.State}; only a finished run (completed, failed or diverged) can be replayed. Continue it with 'hwdsl run {ScriptPaths.Display(recorded.Script)} --resume {runFolder}'.");
        CheckScript(recorded, script, why);
        var differences = Reproduction.Differences(run, devices);
        if (differences.Count > 0) throw new RunException($"{why}: {string.Join("; ", differences)}.");

        // Earlier runs of the invocation, copied so that restoring them never touches the recorded folders.
        var runs = Path.Combine(scratch, "runs");
        foreach (var (ordinal, folder) in ResumeSource.Of(Path.Combine(recorded.Output, "runs"), recorded.Id).Folders.Where(f => f.Key < recorded.Ordinal))
            CopyFolder(folder, Path.Combine(runs, Path.GetFileName(folder)));
        var invocation = new ScriptInvocation(ScriptInvocation.NewId(), script.Path, recorded.ScriptSha256, recorded.Sets, recorded.Quick, recorded.Args, threads, scratch)
        {
            StopAfter = recorded.Ordinal,
        };
        return (new ScriptRun(script, recorded.Sets, recorded.Quick, recorded.Args, scratch, invocation, ResumeSource.Of(runs, recorded.Id, freshFrom: recorded.Ordinal)), run);
    }

    /// <summary>The replayed run matching <paramref name="recorded"/> (same ordinal) under the replay's output, compared bit for bit.</summary>
    public static (string Folder, int Compared, IReadOnlyList<string> Differences) Compare(RunInfo recorded, ScriptRun replay)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(replay);
        var again = RunInfo.Find(Path.Combine(replay.Output, "runs")).FirstOrDefault(r => r.InvocationId == replay.Invocation.Id && r.Ordinal == recorded.Ordinal)
            ?? throw new RunException($"the replay did not reach run {recorded.Ordinal} ('{recorded.Name}'): the script took another path.");
        var (compared, differences) = RunComparison.Compare(recorded.Folder, again.Folder);
        var list = new List<string>();
        if (again.Name != recorded.Name) list.Add($"run {recorded.Ordinal} is '{again.Name}' in the replay, '{recorded.Name}' recorded");
        if (again.Status != recorded.Status) list.Add($"status: recorded {recorded.Status}, replayed {again.Status}");
        if (again.FailureMessage != recorded.FailureMessage) list.Add($"failure: recorded '{recorded.Reason}', replayed '{again.Reason}'");
        list.AddRange(differences);
        return (again.Folder, compared + 2, list);
    }

    private static void CheckScript(RecordedInvocation recorded, CompiledScript script, string why)
    {
        var now = ScriptInvocation.HashSources(script.SourceFiles);
        if (now != recorded.ScriptSha256)
            throw new RunException($"{why}: the script changed since the run ({ScriptPaths.Display(script.Path)} and what it loads hash to {now[..12]}, the run's to {recorded.ScriptSha256[..12]}; it ran {recorded.Script}).");
    }

    private static bool SameSets(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Describe(IReadOnlyDictionary<string, string> sets)
        => sets.Count == 0 ? "no --set values" : string.Join(" ", sets.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"--set {kv.Key}={kv.Value}"));

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
