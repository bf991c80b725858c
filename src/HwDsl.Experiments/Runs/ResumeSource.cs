namespace HwDsl.Experiments;

/// <summary>
/// The run folders an earlier invocation of a script left, by ordinal, for a resumed (or replayed) invocation: run i goes
/// on in folder i from its checkpoint (a finished run is restored from its last one without training), a run that left no
/// checkpoint starts again in its folder, and a run the earlier invocation never reached gets a new folder.
/// </summary>
public sealed class ResumeSource
{
    private readonly Dictionary<int, string> _folders;

    private ResumeSource(string invocationId, Dictionary<int, string> folders, int? freshFrom)
        => (InvocationId, _folders, FreshFrom) = (invocationId, folders, freshFrom);

    /// <summary>The invocation continued.</summary>
    public string InvocationId { get; }

    /// <summary>Replay: runs from this ordinal on are not taken from the earlier invocation (they run again, elsewhere).</summary>
    public int? FreshFrom { get; }

    /// <summary>The runs of invocation <paramref name="invocationId"/> found below <paramref name="root"/>.</summary>
    public static ResumeSource Of(string root, string invocationId, int? freshFrom = null)
    {
        var folders = new Dictionary<int, string>();
        foreach (var run in RunInfo.Find(root).Where(r => r.InvocationId == invocationId && r.Ordinal is not null))
            if (!folders.TryAdd(run.Ordinal!.Value, run.Folder))
                throw new RunException($"{run.Folder} and {folders[run.Ordinal.Value]} both claim to be run {run.Ordinal} of invocation {invocationId}; move one away.");
        return new ResumeSource(invocationId, folders, freshFrom);
    }

    /// <summary>Run <paramref name="ordinal"/>'s folder, or null when it is to run afresh.</summary>
    public string? Folder(int ordinal) => FreshFrom is { } f && ordinal >= f ? null : _folders.GetValueOrDefault(ordinal);

    /// <summary>The runs found, by ordinal.</summary>
    public IReadOnlyDictionary<int, string> Folders => _folders;
}
