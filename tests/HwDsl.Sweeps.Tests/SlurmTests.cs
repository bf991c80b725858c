using System.Text.RegularExpressions;
namespace HwDsl.Sweeps.Tests;

/// <summary>Sweeps submitted to a real Slurm (the single-node cluster .ci/slurm-up starts), through the real hwdsl.</summary>
public sealed class SlurmTests
{
    [SlurmFact]
    public void A_job_array_runs_every_point_lists_the_failed_gives_the_local_table_and_resume_submits_only_the_failed()
    {
        SlurmCluster.Require();
        using var dir = new TempDir();
        var slurm = Path.Combine(dir.Path, "slurm");
        var local = Path.Combine(dir.Path, "local");
        foreach (var d in new[] { slurm, local }) { Directory.CreateDirectory(d); File.WriteAllText(Path.Combine(d, "break-3"), ""); }
        string[] sweep = ["sweep", "--command", SweepFixtures.Template, "--grid", "bits=2,3,4", "seeds=0..1"];

        var (exit, output, err) = Hwdsl.Run([.. sweep, "--on", "slurm", "--time", "00:05:00", "--sbatch=--job-name=sweep-test", "-o", slurm]);
        Assert.True(exit == 1, output + err);
        Assert.Matches(@"submitted Slurm job \d+: 6 array task\(s\)", output);
        Assert.Contains("#SBATCH --time=00:05:00", File.ReadAllText(Path.Combine(slurm, "slurm", "job.sbatch")));
        Assert.Contains("#SBATCH --job-name=sweep-test", File.ReadAllText(Path.Combine(slurm, "slurm", "job.sbatch")));
        Assert.Matches(@"failed +bits=3,seed=0 +exit 3 +slurm job \d+_2 FAILED +log points/bits3_seed0-[0-9a-f]{8}/stderr.log", output);
        Assert.Matches(@"failed +bits=3,seed=1 +exit 3 +slurm job \d+_3 FAILED", output);
        var folder = SweepFolder.Open(slurm);
        Assert.Equal("0-5", Assert.Single(SlurmExecutor.Submissions(folder)).Indices);

        // The same sweep locally gives the same merged table, byte for byte.
        Assert.Equal(1, Hwdsl.Run([.. sweep, "-o", local]).Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(local, "results.csv")), File.ReadAllText(Path.Combine(slurm, "results.csv")));

        // After the fact: status asks the queue and lists the failed points with exit codes and logs.
        (exit, output, _) = Hwdsl.Run("sweep", "status", slurm);
        Assert.Equal(0, exit);
        Assert.Matches(@"failed +2", output);
        Assert.Matches(@"done +4", output);

        File.Delete(Path.Combine(slurm, "break-3"));
        (exit, output, err) = Hwdsl.Run("sweep", "--resume", "--output", slurm, "--on", "slurm");
        Assert.True(exit == 0, output + err);
        Assert.Contains("6 points, 2 to run, on slurm", output);
        Assert.Equal(["0-5", "2-3"], SlurmExecutor.Submissions(folder).Select(s => s.Indices));
        Assert.Contains("all 6 points done.", output);
        var csv = File.ReadAllLines(Path.Combine(slurm, "results.csv"));
        Assert.Equal(["0.2", "0.21", "0.3", "0.31", "0.4", "0.41"], csv.Skip(1).Select(l => l.Split(',')[5]));
        (exit, output, _) = Hwdsl.Run("sweep", "collect", slurm);
        Assert.Equal(0, exit);
        Assert.Contains("all 6 points done.", output);
    }

    [SlurmFact]
    public void A_cancelled_task_is_reported_lost_keeps_what_it_wrote_and_resume_runs_it_again()
    {
        SlurmCluster.Require();
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "sw");
        // "started" is printed after the mark for the second attempt, so a cancel right after it cannot leave the resumed
        // attempt to sleep too.
        var template = "echo partial {x} > {output}/partial.txt; if [ ! -e {output}/second ]; then touch {output}/second; echo started; sleep 120; fi; echo '{\"v\": 7}' > {output}/results.json";
        var (exit, output, err) = Hwdsl.Run("sweep", "--command", template, "--grid", "x=1,2", "--on", "slurm", "--detach", "-o", root);
        Assert.True(exit == 0, output + err);
        var folder = SweepFolder.Open(root);
        var job = Assert.Single(SlurmExecutor.Submissions(folder)).JobId;
        var stdout = folder.Manifest.Points.Select(p => Path.Combine(folder.PointDir(p), "stdout.log")).ToList();
        for (var i = 0; i < 600 && !stdout.All(f => File.Exists(f) && File.ReadAllText(f).Contains("started")); i++) Thread.Sleep(100);
        Assert.True(stdout.All(File.Exists), "the tasks did not start within 60 s");

        Run("scancel", job);
        var client = new SlurmClient();
        for (var i = 0; i < 300 && client.Active(job); i++) Thread.Sleep(100);
        (exit, output, _) = Hwdsl.Run("sweep", "status", root);
        Assert.Equal(0, exit);
        // scancel signals the task's processes together: the wrapper either dies first (no record: lost) or records its
        // command's death by SIGTERM (exit 143: failed); either way the point is not done and nothing written is lost.
        // Under load scontrol may already have forgotten the task's state, so the state word is not required; the job is.
        Assert.True(Regex.IsMatch(output, $@"(lost +x=1 .*slurm job {job}_0|failed +x=1 +exit (143|137|15) +slurm job {job}_0)"), output);
        Assert.All(folder.Manifest.Points, p => Assert.Equal($"partial {p["x"]}\n", File.ReadAllText(Path.Combine(folder.PointDir(p), "partial.txt"))));
        Assert.Equal(folder.Manifest.Points, folder.Unfinished());

        (exit, output, err) = Hwdsl.Run("sweep", "--resume", "-o", root, "--on", "slurm");
        Assert.True(exit == 0, output + err);
        Assert.All(ResultMerger.Merge(folder).Rows, r => Assert.Equal("7", r.Metrics["v"].GetRawText()));
    }

    [SlurmFact]
    public void Sbatch_rejecting_the_job_is_one_line_that_says_what_to_check()
    {
        SlurmCluster.Require();
        using var dir = new TempDir();
        var (exit, _, err) = Hwdsl.Run("sweep", "--command", "echo {x}", "--grid", "x=1", "--on", "slurm", "--partition", "no-such-partition", "-o", Path.Combine(dir.Path, "sw"));
        Assert.Equal(2, exit);
        Assert.StartsWith("hwdsl: sbatch rejected the job: sbatch: error: ", err);
        Assert.Contains("check --partition/--time/--mem/--sbatch", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    private static void Run(string file, params string[] args)
    {
        using var p = System.Diagnostics.Process.Start(file, args);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
