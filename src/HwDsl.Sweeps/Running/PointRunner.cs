using System.ComponentModel;
using System.Diagnostics;

namespace HwDsl.Sweeps;

/// <summary>
/// Runs one point, the same way on a laptop and inside a Slurm array task: its command in its folder, stdout and
/// stderr streamed to <c>stdout.log</c> / <c>stderr.log</c> as they come (a killed task keeps what it printed),
/// and <c>point.json</c> written only after the command exited.
/// </summary>
public static class PointRunner
{
    private const string SetSid = "/usr/bin/setsid";

    /// <summary>Runs <paramref name="point"/> of <paramref name="folder"/>; cancellation kills the command and writes no record.</summary>
    /// <param name="folder">The sweep.</param>
    /// <param name="point">The point.</param>
    /// <param name="self">How to start this hwdsl (for script points).</param>
    /// <param name="threads">Cores the point may use: its .NET sees this as the processor count.</param>
    /// <param name="slurmJob">The array task (<c>JOB_TASK</c>) when run by Slurm.</param>
    /// <param name="cancel">Stops the point.</param>
    public static async Task<PointRecord> RunAsync(SweepFolder folder, SweepPoint point, IReadOnlyList<string> self, int threads, string? slurmJob, CancellationToken cancel)
    {
        var dir = folder.PointDir(point);
        Directory.CreateDirectory(dir);
        var recordPath = Path.Combine(dir, "point.json");
        File.Delete(recordPath); // a retried point is not done until this attempt says so
        var started = DateTime.UtcNow;
        var attempt = new PointAttempt(point.Id, Environment.MachineName, Environment.ProcessId, slurmJob, started);
        var attemptPath = Path.Combine(dir, "attempt.json");
        SweepFolder.WriteJson(attemptPath, attempt);

        var args = folder.Manifest.Command.Arguments(point, dir, self);
        // Each point in its own session, as a Slurm task is: with the kernel's per-session CPU groups (autogroup) a busy
        // machine then gives every point its own share instead of one share for the whole sweep (measured: 1.6-3.2x
        // slower local points without it, docs/performance.md). Cancellation still kills the whole tree.
        if (File.Exists(SetSid)) args = [SetSid, "-w", .. args];
        var info = new ProcessStartInfo(args[0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir, UseShellExecute = false };
        foreach (var a in args.Skip(1)) info.ArgumentList.Add(a);
        // .NET sizes its thread pools (and hwdsl its MAC pool) from the processor count; parallel points share the cores.
        info.Environment["DOTNET_PROCESSOR_COUNT"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["HWDSL_SWEEP_POINT"] = point.Id;

        await using var stdout = new FileStream(Path.Combine(dir, "stdout.log"), FileMode.Create, FileAccess.Write, FileShare.Read);
        await using var stderr = new FileStream(Path.Combine(dir, "stderr.log"), FileMode.Create, FileAccess.Write, FileShare.Read);
        var exit = 127; // what a shell reports for a command it could not start
        Process? process = null;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception($"{args[0]} did not start");
        }
        catch (Win32Exception e)
        {
            await stderr.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"hwdsl sweep: could not start {args[0]}: {e.Message}\n"), CancellationToken.None);
        }
        if (process is not null)
        {
            using (process)
            {
                var copyOut = Pump(process.StandardOutput.BaseStream, stdout);
                var copyErr = Pump(process.StandardError.BaseStream, stderr);
                try { await process.WaitForExitAsync(cancel); }
                catch (OperationCanceledException)
                {
                    try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                    await process.WaitForExitAsync(CancellationToken.None);
                }
                await Task.WhenAll(copyOut, copyErr);
                // Stopped (Ctrl-C, scancel, preemption: Slurm signals the whole task at once, so the command may have died
                // of it first): not a finished point, whatever its exit code; what it wrote stays.
                if (cancel.IsCancellationRequested)
                {
                    SweepFolder.WriteJson(attemptPath, attempt with { StoppedUtc = DateTime.UtcNow });
                    throw new OperationCanceledException(cancel);
                }
                exit = process.ExitCode;
            }
        }
        var record = new PointRecord(point.Id, exit, started, DateTime.UtcNow, Environment.MachineName, slurmJob);
        SweepFolder.WriteJson(recordPath, record);
        return record;
    }

    // Flushed per chunk so a preempted task's log shows everything up to the moment it was killed.
    private static async Task Pump(Stream from, FileStream to)
    {
        var buffer = new byte[8192];
        int n;
        while ((n = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, n));
            await to.FlushAsync();
        }
    }
}
