namespace HwDsl.Sweeps;

/// <summary>The state of every point of a sweep, from its folder and, for Slurm sweeps, from the queue.</summary>
public static class SweepStatus
{
    /// <summary>
    /// Per point, in manifest order. <paramref name="slurm"/> is consulted for points without a record when the sweep
    /// was submitted to Slurm; pass null where Slurm is not reachable (such points are then <c>incomplete</c>).
    /// </summary>
    public static IReadOnlyList<PointStatus> Of(SweepFolder folder, SlurmClient? slurm)
    {
        var submissions = SlurmExecutor.Submissions(folder);
        var tasks = new Dictionary<int, SlurmTask>();
        if (slurm is not null)
            foreach (var s in submissions) // later submissions win: a resumed index belongs to its newest job
                foreach (var t in slurm.Tasks(s.JobId).Where(t => t.JobId == s.JobId)) tasks[t.Index] = t;
        var result = new List<PointStatus>();
        foreach (var point in folder.Manifest.Points)
        {
            var dir = folder.PointDir(point);
            var stderr = folder.Relative(Path.Combine(dir, "stderr.log"));
            var record = folder.Record(point);
            tasks.TryGetValue(point.Index, out var task);
            if (task is { Active: true } && (record is null || task.State == "PENDING" || record.SlurmJob is null || !record.SlurmJob.StartsWith(task.JobId + "_", StringComparison.Ordinal)))
                result.Add(new PointStatus(point, task.State == "PENDING" ? "pending" : "running", null, $"slurm job {task.JobId}_{task.Index} {task.State}", stderr));
            else if (record is { Succeeded: true })
                result.Add(new PointStatus(point, "done", 0, null, folder.Relative(Path.Combine(dir, "stdout.log"))));
            else if (record is not null)
                result.Add(new PointStatus(point, "failed", record.ExitCode, Join(record.SlurmJob is { } j ? $"slurm job {j}{(task is not null && j == $"{task.JobId}_{task.Index}" ? $" {task.State}" : "")}" : null,
                    PointRuns.Reason(dir)), stderr));
            else if (task is not null)
                result.Add(new PointStatus(point, "lost", task.ExitCode, Join($"slurm job {task.JobId}_{task.Index} {task.State}{(task.Reason is { } r ? $" ({r})" : "")}; slurm log {folder.Relative(Path.Combine(folder.SlurmDir, $"{task.JobId}_{task.Index}.out"))}", PointRuns.Reason(dir)), stderr));
            else if (folder.Attempt(point) is { SlurmJob: null } attempt && attempt.AliveHere())
                result.Add(new PointStatus(point, "running", null, $"local process {attempt.Pid}", stderr));
            else if (folder.Started(point))
                result.Add(new PointStatus(point, "incomplete", null, Join(submissions.Count > 0 && slurm is null ? "queue not consulted" : "started, never finished",
                    PointRuns.Reason(dir)), stderr));
            else
                result.Add(new PointStatus(point, "not run", null, null, stderr));
        }
        return result;
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";
}
