using System.Text.Json;

namespace HwDsl.Experiments;

/// <summary>The <c>invocation</c> a run folder's run.json recorded: which script ran, with what, and which of its runs this was.</summary>
public sealed record RecordedInvocation(string Id, string Script, string ScriptSha256, IReadOnlyDictionary<string, string> Sets, bool Quick,
    IReadOnlyList<string> Args, int Threads, string Output, int Ordinal)
{
    /// <summary>The invocation of <paramref name="run"/>; a <see cref="RunException"/> when it was not started by <c>hwdsl run</c>.</summary>
    public static RecordedInvocation Of(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (RunInfo.Get(run.Json, "invocation") is not { ValueKind: JsonValueKind.Object } i)
            throw new RunException($"{run.Folder}: run.json records no script invocation (the run was not started by 'hwdsl run'), so it cannot be replayed or resumed.");
        string S(string name) => RunInfo.Str(i, name) ?? throw new RunException($"{run.Folder}/run.json: invocation.{name} is missing.");
        var sets = RunInfo.Get(i, "sets") is { ValueKind: JsonValueKind.Object } o
            ? o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var args = RunInfo.Get(i, "args") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
        return new RecordedInvocation(S("id"), S("script"), S("script_sha256"), sets, RunInfo.Get(i, "quick")?.ValueKind == JsonValueKind.True,
            args, RunInfo.Int(i, "threads") ?? 1, S("output"), RunInfo.Int(i, "ordinal") ?? 0);
    }

    /// <summary>
    /// The runs to continue from <paramref name="folder"/>: a run folder (its invocation), or a folder holding run folders
    /// (the newest invocation found below it).
    /// </summary>
    public static (RecordedInvocation Invocation, RunInfo Run) Find(string folder)
    {
        if (!Directory.Exists(folder)) throw new RunException($"{folder}: no such folder.");
        if (RunInfo.Read(folder) is { } run) return (Of(run), run);
        var runs = RunInfo.Find(folder).Where(r => r.InvocationId is not null).ToList();
        if (runs.Count == 0) throw new RunException($"{folder}: no run folders of 'hwdsl run' below it (no run.json with an invocation).");
        var newest = runs.OrderBy(r => RunInfo.Str(r.Json, "started") ?? "", StringComparer.Ordinal).Last();
        return (Of(newest), newest);
    }
}
