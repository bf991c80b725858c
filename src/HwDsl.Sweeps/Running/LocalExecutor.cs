using System.Diagnostics;

namespace HwDsl.Sweeps;

/// <summary>
/// Runs points as parallel processes on this machine, at most <see cref="Jobs"/> at once, each told it has
/// cores / jobs processors so parallel points do not oversubscribe the machine.
/// </summary>
public sealed class LocalExecutor(int jobs, IReadOnlyList<string> self)
{
    /// <summary>Points that run at once.</summary>
    public int Jobs { get; } = jobs >= 1 ? jobs : throw new SweepException($"--jobs must be at least 1; got {jobs}.");

    /// <summary>Runs <paramref name="todo"/>; each finished point is merged into the table right away.</summary>
    public async Task<IReadOnlyList<PointRecord>> RunAsync(SweepFolder folder, IReadOnlyList<SweepPoint> todo, Action<SweepProgress> progress, CancellationToken cancel)
    {
        var threads = Math.Max(1, Environment.ProcessorCount / Math.Min(Jobs, Math.Max(1, todo.Count)));
        var clock = Stopwatch.StartNew();
        var records = new List<PointRecord>();
        var gate = new Lock();
        int running = 0, done = 0, failed = 0;
        SweepProgress Snapshot(string? e) => new(todo.Count, done, running, failed, todo.Count - done - failed - running, clock.Elapsed,
            SweepProgress.Estimate(done + failed, todo.Count, clock.Elapsed), e);

        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = Jobs, CancellationToken = cancel }, async (point, ct) =>
        {
            lock (gate) { running++; progress(Snapshot($"start {point.Describe()}")); }
            var record = await PointRunner.RunAsync(folder, point, self, threads, null, ct);
            lock (gate)
            {
                running--;
                records.Add(record);
                if (record.Succeeded) done++; else failed++;
                ResultMerger.Write(folder);
                progress(Snapshot(record.Succeeded
                    ? $"done  {point.Describe()} in {SweepProgress.Format(TimeSpan.FromSeconds(record.Seconds))}"
                    : $"FAILED {point.Describe()}: exit {record.ExitCode}, log {folder.Relative(Path.Combine(folder.PointDir(point), "stderr.log"))}"));
            }
        });
        return records;
    }
}
