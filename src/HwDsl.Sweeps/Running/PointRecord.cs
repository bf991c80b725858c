namespace HwDsl.Sweeps;

/// <summary>
/// <c>point.json</c>, written atomically when a point's command has exited. Its presence with exit code 0 is
/// what makes a point done; a task killed before that (cancelled, preempted, out of time) leaves none, so it is
/// run again on resume while the files its script already wrote stay.
/// </summary>
public sealed record PointRecord(string Id, int ExitCode, DateTime StartedUtc, DateTime EndedUtc, string Host, string? SlurmJob)
{
    /// <summary>Wall time of the point's command.</summary>
    public double Seconds => (EndedUtc - StartedUtc).TotalSeconds;

    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
