namespace HwDsl.Sweeps.Tests;

/// <summary>
/// Sweeps of a real .csx script through <c>hwdsl run</c>, locally and (where there is a cluster, always in CI) on
/// Slurm: the same command with only <c>--on slurm</c> added gives the same merged table.
/// </summary>
public sealed class ScriptSweepTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Scripts", "tiny.csx");

    [Fact]
    public void A_script_sweep_fails_one_point_resumes_it_and_local_and_slurm_give_the_same_table()
    {
        using var dir = new TempDir();
        var roots = new List<string> { Path.Combine(dir.Path, "local") };
        if (SlurmCluster.Problem is null || SlurmCluster.Required) roots.Add(Path.Combine(dir.Path, "slurm"));
        foreach (var root in roots)
        {
            var slurm = root.EndsWith("slurm", StringComparison.Ordinal);
            if (slurm) SlurmCluster.Require();
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "break-3"), "");
            string[] on = slurm ? ["--on", "slurm"] : [];
            var (exit, output, err) = Hwdsl.Run(["sweep", Script, "--grid", "bits=2,3", "seeds=0..1", "-o", root, .. on]);
            Assert.True(exit == 1, output + err);
            Assert.Matches(@"failed +bits=3,seed=0 +exit [1-9]", output);
            Assert.Contains("bits 3 is broken", File.ReadAllText(Path.Combine(root, "points", PointId.For([new("bits", "3"), new("seed", "0")]), "stderr.log")));
            File.Delete(Path.Combine(root, "break-3"));
            (exit, output, err) = Hwdsl.Run(["sweep", "--resume", "-o", root, .. on]);
            Assert.True(exit == 0, output + err);
            Assert.Contains("4 points, 2 to run", output);
            var csv = File.ReadAllLines(Path.Combine(root, "results.csv"));
            Assert.Equal(["0.2", "0.21", "0.3", "0.31"], csv.Skip(1).Select(l => l.Split(',')[5]));
        }
        if (roots.Count == 2) Assert.Equal(File.ReadAllText(Path.Combine(roots[0], "results.csv")), File.ReadAllText(Path.Combine(roots[1], "results.csv")));
    }

    [Fact]
    public void A_diverged_point_is_failed_with_its_reason_in_the_status_and_the_table()
    {
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "div");
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "diverge.csx");
        var (exit, output, err) = Hwdsl.Run("sweep", script, "--grid", "lr=0.01,3e38", "-o", root);
        Assert.True(exit == 1, output + err);
        Assert.Matches(@"failed +lr=3e38 +exit 3 +diverged: training diverged at epoch 1/2, batch \d+/10: .* \(epoch 1, batch \d+\)", output);
        (exit, output, _) = Hwdsl.Run("sweep", "status", root);
        Assert.Matches(@"failed +lr=3e38 +exit 3 +diverged: training diverged at epoch 1/2", output);
        var csv = File.ReadAllLines(Path.Combine(root, "results.csv"));
        Assert.EndsWith(",reason", csv[0]);
        Assert.Contains(csv, l => l.Split(',')[1] == "0.01" && l.Contains(",done,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.Split(',')[1] == "3e38" && l.Contains(",failed,3,", StringComparison.Ordinal) && l.Contains("diverged: training diverged at epoch 1/2", StringComparison.Ordinal));
    }
}
