using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HwDsl.Sweeps;

/// <summary>
/// The Slurm commands a sweep uses, started as processes that inherit this environment (so <c>SLURM_CONF</c> reaches
/// them). Task state comes from <c>scontrol show job</c> (exit codes included, for <c>MinJobAge</c> after the end),
/// then <c>sacct</c> where accounting is on; <c>squeue</c> answers whether anything is still queued or running.
/// <paramref name="commands"/> is the folder of the Slurm commands (tests); by default they are found on PATH.
/// </summary>
public sealed partial class SlurmClient(string? commands = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // How often a query about a job is made before its failure is an error (see AskAboutJob).
    private const int Attempts = 5;

    /// <summary>The pause before asking again after a controller failed to answer (doubled, tripled, … per attempt).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws a one-line error saying what to do when this machine cannot talk to a Slurm cluster.</summary>
    public static void CheckReachable()
    {
        if (!OnPath("sbatch"))
            throw new SweepException("--on slurm: 'sbatch' is not on PATH; run on your cluster's login node (or 'module load slurm'), or drop --on slurm to run locally.");
        if (Environment.GetEnvironmentVariable("SLURM_CONF") is not { Length: > 0 } && !File.Exists("/etc/slurm/slurm.conf"))
        {
            // Configless clusters find their controller by DNS; only a failing probe means there is none.
            var (exit, _, err) = Run("sinfo", ["-h", "-o", "%P"]);
            if (exit != 0)
                throw new SweepException($"--on slurm: Slurm is not reachable: SLURM_CONF is unset, /etc/slurm/slurm.conf does not exist and sinfo failed ({FirstLine(err)}); export SLURM_CONF=/path/to/slurm.conf or run on the cluster's login node.");
        }
    }

    /// <summary>Submits <paramref name="script"/> as an array over <paramref name="indices"/>; returns the job id.</summary>
    public string Submit(string script, IReadOnlyList<int> indices, int? maxParallel, string workDir)
    {
        var array = Ranges(indices) + (maxParallel is { } m ? $"%{m}" : "");
        var (exit, output, err) = Run(Command("sbatch"), ["--parsable", $"--array={array}", script], workDir);
        if (exit != 0)
            throw new SweepException($"sbatch rejected the job: {FirstLine(err)}; check --partition/--time/--mem/--sbatch (or slurm.json) against 'sinfo' and your cluster's limits.");
        var id = output.Trim().Split(';')[0];
        if (!JobIdPattern().IsMatch(id)) throw new SweepException($"sbatch answered '{output.Trim()}' instead of a job id; check its output by hand: sbatch --parsable {script}.");
        return id;
    }

    /// <summary>True while any task of <paramref name="jobId"/> is pending or running.</summary>
    public bool Active(string jobId)
    {
        // An ended job can vanish from squeue with "Invalid job id"; that is not active.
        var (known, output) = AskAboutJob("squeue", ["-h", "-r", "-j", jobId, "-o", "%i"], jobId);
        return known && output.Trim().Length > 0;
    }

    /// <summary>Every task Slurm still knows of, from scontrol, else sacct; empty when neither knows the job.</summary>
    public IReadOnlyList<SlurmTask> Tasks(string jobId)
    {
        var (known, output) = AskAboutJob("scontrol", ["-o", "show", "job", jobId], jobId);
        if (known) return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(ParseScontrol)];
        // Past MinJobAge only accounting remembers the job; without accounting sacct fails and nothing is known.
        var (exit, accounted, _) = Run(Command("sacct"), ["-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode"]);
        if (exit == 0) return [.. accounted.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(ParseSacct)];
        return [];
    }

    // squeue or scontrol about one job. A controller too busy to answer in time fails them ("Socket timed out on send/recv
    // operation"), which says nothing about the job: read as "not queued" or "no tasks known", such a failure ended the
    // tracking of running tasks and showed a cancelled task as incomplete instead of lost. So only "Invalid job id" is
    // taken as an answer (the job is gone); any other failure is asked again and, after Attempts, an error.
    private (bool Known, string Output) AskAboutJob(string file, IReadOnlyList<string> args, string jobId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (exit, output, err) = Run(Command(file), args);
            if (exit == 0) return (true, output);
            if (err.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)) return (false, "");
            if (attempt == Attempts)
                throw new SweepException($"{file} could not tell the state of Slurm job {jobId} ({Attempts} attempts): {FirstLine(err)}; is the Slurm controller up ('sinfo')?");
            Thread.Sleep(RetryDelay * attempt);
        }
    }

    private string Command(string file) => commands is null ? file : Path.Combine(commands, file);

    /// <summary><c>0-3,5,7-8</c>.</summary>
    public static string Ranges(IReadOnlyList<int> indices)
    {
        var parts = new List<string>();
        var sorted = indices.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    /// <summary>Expands <c>0-3,5</c> (and a <c>%N</c> throttle suffix) to the indices.</summary>
    public static IEnumerable<int> Expand(string ranges)
    {
        foreach (var part in ranges.Split('%')[0].Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (!int.TryParse(bounds[0], CultureInfo.InvariantCulture, out var from)) continue;
            var to = bounds.Length > 1 && int.TryParse(bounds[1], CultureInfo.InvariantCulture, out var t) ? t : from;
            for (var k = from; k <= to; k++) yield return k;
        }
    }

    internal static IEnumerable<SlurmTask> ParseScontrol(string line)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in FieldPattern().Matches(line)) fields.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        if (!fields.TryGetValue("ArrayJobId", out var job) || !fields.TryGetValue("ArrayTaskId", out var tasks)) yield break;
        var state = fields.GetValueOrDefault("JobState", "UNKNOWN");
        int? exit = fields.TryGetValue("ExitCode", out var e) && int.TryParse(e.Split(':')[0], CultureInfo.InvariantCulture, out var x) ? x : null;
        var reason = fields.GetValueOrDefault("Reason");
        foreach (var index in Expand(tasks)) yield return new SlurmTask(job, index, state, state == "PENDING" ? null : exit, reason is "None" ? null : reason);
    }

    internal static IEnumerable<SlurmTask> ParseSacct(string line)
    {
        var cells = line.Split('|');
        if (cells.Length < 3) yield break;
        var id = cells[0].Split('_');
        if (id.Length != 2) yield break;
        var state = cells[1].Split(' ')[0]; // "CANCELLED by 1000"
        int? exit = int.TryParse(cells[2].Split(':')[0], CultureInfo.InvariantCulture, out var x) ? x : null;
        foreach (var index in Expand(id[1])) yield return new SlurmTask(id[0], index, state, state == "PENDING" ? null : exit, null);
    }

    private static bool OnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, name)));

    private static string FirstLine(string text)
        => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
           ?? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";

    private static (int Exit, string Out, string Err) Run(string file, IReadOnlyList<string> args, string? workDir = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workDir is not null) info.WorkingDirectory = workDir;
        foreach (var a in args) info.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(info)!; }
        catch (Win32Exception) { return (127, "", $"{file} not found"); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try { process.Kill(true); } catch (InvalidOperationException) { }
                throw new SweepException($"{file} {string.Join(' ', args)} did not answer in {Timeout.TotalSeconds:F0} s; is the Slurm controller up ('sinfo')?");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex JobIdPattern();

    [GeneratedRegex(@"(?:^|\s)(\w+)=(\S*)")]
    private static partial Regex FieldPattern();
}
