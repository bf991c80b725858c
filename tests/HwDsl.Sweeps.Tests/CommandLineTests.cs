namespace HwDsl.Sweeps.Tests;

/// <summary>Bad input to <c>hwdsl sweep</c>: one line on stderr that says what to do, exit code 2, no stack trace.</summary>
public sealed class CommandLineTests
{
    private static void OneLine(int exit, string err, string expected)
    {
        Assert.Equal(2, exit);
        Assert.StartsWith("hwdsl: ", err);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_parameter_and_empty_grid_and_missing_sweep_are_refused_before_anything_runs()
    {
        using var dir = new TempDir();
        var script = dir.File("s.csx", "var bits = Param(\"bits\", 4);\nvar seed = Param(\"seed\", 0);\n");
        var output = Path.Combine(dir.Path, "sw");
        var (exit, _, err) = Hwdsl.Run("sweep", script, "--grid", "bits=2,4", "ratoi=10", "-o", output);
        OneLine(exit, err, "--grid ratoi=10: 'ratoi' is not a parameter of s.csx: no Param(\"ratoi\", ...) in it or what it #loads; it reads: bits, seed.");
        Assert.False(Directory.Exists(output));
        (exit, _, err) = Hwdsl.Run("sweep", script, "-o", output);
        OneLine(exit, err, "the sweep is empty: give --grid name=a,b,... and/or --point name=value,...");
        (exit, _, err) = Hwdsl.Run("sweep", script, "--grid", "bits=", "-o", output);
        OneLine(exit, err, "'bits' has no values");
        (exit, _, err) = Hwdsl.Run("sweep", "--resume", "-o", output);
        OneLine(exit, err, "holds no sweep (no sweep.json)");
        (exit, _, err) = Hwdsl.Run("sweep", "status", output);
        OneLine(exit, err, "is not a sweep folder (no sweep.json)");
        (exit, _, err) = Hwdsl.Run("sweep", "--command", "echo {x}", "--grid", "x=1", "--on", "cloud");
        OneLine(exit, err, "--on: 'cloud' is not local or slurm.");
    }

    [Fact]
    public void A_folder_that_holds_a_sweep_is_not_overwritten()
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "sw");
        Assert.Equal(0, Hwdsl.Run("sweep", "--command", "echo {x}", "--grid", "x=1,2", "-o", output).Exit);
        var (exit, _, err) = Hwdsl.Run("sweep", "--command", "echo {x}", "--grid", "x=1,2", "-o", output);
        OneLine(exit, err, "already holds this sweep; add --resume to run only its unfinished points, or choose another --output.");
        (exit, _, err) = Hwdsl.Run("sweep", "--command", "echo {x}", "--grid", "x=1,3", "-o", output);
        OneLine(exit, err, "already holds a different sweep (2 points of command)");
        (exit, _, err) = Hwdsl.Run("sweep", "--command", "echo {x}", "--grid", "x=1,3", "--resume", "-o", output);
        OneLine(exit, err, "--resume: the sweep in");
        var (ok, text, _) = Hwdsl.Run("sweep", "--resume", "-o", output);
        Assert.Equal(0, ok);
        Assert.Contains("2 points, 0 to run", text);
    }

    [Fact]
    public void Slurm_that_is_not_reachable_is_one_line_saying_what_to_do()
    {
        using var dir = new TempDir();
        var bin = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        string[] args = ["sweep", "--command", "echo {x}", "--grid", "x=1", "--on", "slurm"];
        var noSlurm = new Dictionary<string, string?> { ["PATH"] = bin + ":/bin:/usr/bin:/usr/local/bin", ["SLURM_CONF"] = null };
        if (!File.Exists("/usr/bin/sbatch") && !File.Exists("/usr/local/bin/sbatch") && !File.Exists("/bin/sbatch"))
        {
            var (exit, _, err) = Hwdsl.Run(noSlurm, [.. args, "-o", Path.Combine(dir.Path, "a")]);
            OneLine(exit, err, "--on slurm: 'sbatch' is not on PATH; run on your cluster's login node (or 'module load slurm'), or drop --on slurm to run locally.");
        }
        // sbatch present but no configuration and no controller: sinfo fails, and the message says to set SLURM_CONF.
        dir.File("bin/sbatch", "#!/bin/sh\nexit 1\n");
        dir.File("bin/sinfo", "#!/bin/sh\necho 'sinfo: error: resolve_ctls_from_dns_srv: res_nsearch error: No error' >&2\nexit 1\n");
        foreach (var f in new[] { "sbatch", "sinfo" }) File.SetUnixFileMode(Path.Combine(bin, f), (UnixFileMode)0b111_101_101);
        noSlurm["PATH"] = bin + ":/bin";
        var (exit2, _, err2) = Hwdsl.Run(noSlurm, [.. args, "-o", Path.Combine(dir.Path, "b")]);
        if (File.Exists("/etc/slurm/slurm.conf")) OneLine(exit2, err2, "sbatch rejected the job");
        else OneLine(exit2, err2, "--on slurm: Slurm is not reachable: SLURM_CONF is unset, /etc/slurm/slurm.conf does not exist and sinfo failed (sinfo: error: resolve_ctls_from_dns_srv: res_nsearch error: No error); export SLURM_CONF=/path/to/slurm.conf or run on the cluster's login node.");
    }
}
