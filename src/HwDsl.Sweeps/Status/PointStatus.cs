namespace HwDsl.Sweeps;

/// <summary>
/// Where one point stands: <c>done</c>, <c>failed</c> (its command exited non-zero), <c>running</c>, <c>pending</c>,
/// <c>lost</c> (Slurm ended the task before it wrote its record: cancelled, preempted, out of time or memory),
/// <c>incomplete</c> (started, never finished, no queue knows of it) or <c>not run</c>.
/// </summary>
public sealed record PointStatus(SweepPoint Point, string State, int? ExitCode, string? Detail, string Log)
{
    /// <summary>Needs running again (what <c>--resume</c> picks).</summary>
    public bool Unfinished => State != "done";
}
