using System.Diagnostics;
using System.Text;

namespace HwDsl.Sweeps;

/// <summary>
/// Runs a sweep as one Slurm job array: writes <c>slurm/job.sbatch</c> (each task runs <c>hwdsl sweep task DIR
/// $SLURM_ARRAY_TASK_ID</c>, i.e. the same <see cref="PointRunner"/> as a local sweep), submits the unfinished
/// points' indices, records the submission in <c>slurm/jobs.json</c>, and tracks the tasks, merging results as
/// they arrive.
/// </summary>
public sealed class SlurmExecutor(SlurmClient client, SlurmConfig config, IReadOnlyList<string> self)
{
    /// <summary>How often the queue is asked while tracking.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The submissions recorded for a sweep, oldest first.</summary>
    public static IReadOnlyList<SlurmSubmission> Submissions(SweepFolder folder)
        => SweepFolder.ReadJson<List<SlurmSubmission>>(Path.Combine(folder.SlurmDir, "jobs.json")) ?? [];

    /// <summary>Writes the job script and submits <paramref name="todo"/>; returns the job id.</summary>
    public string Submit(SweepFolder folder, IReadOnlyList<SweepPoint> todo)
    {
        Directory.CreateDirectory(folder.SlurmDir);
        var script = Path.Combine(folder.SlurmDir, "job.sbatch");
        SweepFolder.WriteText(script, Script(folder));
        var indices = todo.Select(p => p.Index).ToList();
        var job = client.Submit(script, indices, config.MaxParallel, folder.SlurmDir);
        SweepFolder.WriteJson(Path.Combine(folder.SlurmDir, "jobs.json"),
            Submissions(folder).Append(new SlurmSubmission(job, SlurmClient.Ranges(indices), DateTime.UtcNow)).ToList());
        return job;
    }

    /// <summary>The batch script: resources from <see cref="SlurmConfig"/>, one point per array task.</summary>
    public string Script(SweepFolder folder)
    {
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append("# Written by 'hwdsl sweep --on slurm'. Array task k runs point k of ../sweep.json; resubmit with 'hwdsl sweep --resume'.\n");
        sb.Append($"#SBATCH --job-name=hwdsl-{Sanitize(folder.Manifest.Name)}\n");
        sb.Append($"#SBATCH --output={folder.SlurmDir}/%A_%a.out\n");
        foreach (var d in config.Directives()) sb.Append($"#SBATCH {d}\n");
        sb.Append($"exec {string.Join(' ', self.Select(PointCommand.Quote))} sweep task {PointCommand.Quote(folder.Root)} \"$SLURM_ARRAY_TASK_ID\" --threads \"${{SLURM_CPUS_PER_TASK:-1}}\"\n");
        return sb.ToString();
    }

    /// <summary>Follows <paramref name="jobId"/> until no task is queued or running; returns the final status of every point.</summary>
    public async Task<IReadOnlyList<PointStatus>> TrackAsync(SweepFolder folder, string jobId, IReadOnlyList<SweepPoint> todo, Action<SweepProgress> progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var mine = todo.Select(p => p.Index).ToHashSet();
        var reported = new Dictionary<int, string>();
        var finished = -1;
        while (true)
        {
            var active = client.Active(jobId); // asked before the files are read, so a task that ends in between is seen on the next round
            var status = SweepStatus.Of(folder, client).Where(s => mine.Contains(s.Point.Index)).ToList();
            var ended = status.Count(s => s.State is "done" or "failed" or "lost");
            if (ended != finished) { ResultMerger.Write(folder); finished = ended; }
            foreach (var s in status.Where(s => reported.GetValueOrDefault(s.Point.Index) != s.State))
            {
                reported[s.Point.Index] = s.State;
                if (s.State is "pending" or "not run" or "incomplete") continue;
                progress(Snapshot(status, clock.Elapsed, Describe(s)));
            }
            if (!active) return status;
            await Task.Delay(Poll, cancel);
        }
    }

    private static SweepProgress Snapshot(List<PointStatus> status, TimeSpan elapsed, string? message)
    {
        var done = status.Count(s => s.State == "done");
        var failed = status.Count(s => s.State is "failed" or "lost");
        var running = status.Count(s => s.State == "running");
        return new SweepProgress(status.Count, done, running, failed, status.Count - done - failed - running, elapsed,
            SweepProgress.Estimate(done + failed, status.Count, elapsed), message);
    }

    private static string Describe(PointStatus s) => s.State switch
    {
        "done" => $"done  {s.Point.Describe()}",
        "running" => $"start {s.Point.Describe()} ({s.Detail})",
        _ => $"{s.State.ToUpperInvariant()} {s.Point.Describe()}: exit {s.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}{(s.Detail is { } d ? $", {d}" : "")}, log {s.Log}",
    };

    private static string Sanitize(string s) => new([.. s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
}
