using HwDsl.Experiments;

namespace HwDsl.Sweeps;

/// <summary>
/// What the run folders below a point's folder say about why it failed or stopped: a diverged or failed run's recorded
/// reason, or a run left <c>running</c> by a process that is gone (<c>interrupted</c>), so <c>sweep status</c> and the merged
/// table can say why, not only that.
/// </summary>
public static class PointRuns
{
    /// <summary>The first diverged, failed or interrupted run below <paramref name="pointDir"/>, as one line; null when none.</summary>
    public static string? Reason(string pointDir)
    {
        foreach (var run in RunInfo.Find(pointDir))
        {
            var state = run.State;
            if (state is RunStatus.Diverged or RunStatus.Failed)
                return $"{state}: {run.Reason}";
            if (state == RunStatus.Interrupted)
                return $"interrupted: run {run.Name} (process {run.Pid} on {run.Host} is gone; {Path.GetFileName(run.Folder)} keeps its last finished epoch)";
        }
        return null;
    }
}
