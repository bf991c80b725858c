namespace HwDsl.Sweeps;

/// <summary>
/// <c>attempt.json</c>, written when a point starts: who runs it (host, process, Slurm task) and since when;
/// <see cref="StoppedUtc"/> is set when the runner was stopped before the command ended.
/// </summary>
public sealed record PointAttempt(string Id, string Host, int Pid, string? SlurmJob, DateTime StartedUtc, DateTime? StoppedUtc = null)
{
    /// <summary>True when the process that runs the point is alive on this machine (a local sweep still running).</summary>
    public bool AliveHere()
    {
        if (StoppedUtc is not null || Host != Environment.MachineName) return false;
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(Pid);
            return !p.HasExited && p.StartTime.ToUniversalTime() <= StartedUtc.AddSeconds(1); // not a later process that reused the id
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
