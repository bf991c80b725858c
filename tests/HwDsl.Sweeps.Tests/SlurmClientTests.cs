namespace HwDsl.Sweeps.Tests;

/// <summary>What hwdsl reads from and writes for Slurm, on the formats Slurm 22.05 prints (no cluster needed).</summary>
public sealed class SlurmClientTests
{
    [Fact]
    public void Array_indices_compress_to_ranges_and_expand_back()
    {
        Assert.Equal("0-3,5,7-8", SlurmClient.Ranges([8, 0, 1, 2, 3, 5, 7]));
        Assert.Equal([0, 1, 2, 3, 5, 7, 8], SlurmClient.Expand("0-3,5,7-8"));
        Assert.Equal([3, 4, 5], SlurmClient.Expand("[3-5%2]"));
    }

    [Fact]
    public void Scontrol_lines_give_state_exit_code_and_reason_per_task_and_pending_ranges_expand()
    {
        var failed = Assert.Single(SlurmClient.ParseScontrol("JobId=7 ArrayJobId=5 ArrayTaskId=2 JobName=hwdsl-x UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 ExitCode=3:0 DerivedExitCode=0:0 StdOut=/s/slurm/5_2.out"));
        Assert.Equal(new SlurmTask("5", 2, "FAILED", 3, "NonZeroExitCode"), failed);
        Assert.False(failed.Active);
        var pending = SlurmClient.ParseScontrol("JobId=5 ArrayJobId=5 ArrayTaskId=4-6%2 JobState=PENDING Reason=JobArrayTaskLimit ExitCode=0:0").ToList();
        Assert.Equal([4, 5, 6], pending.Select(t => t.Index));
        Assert.All(pending, t => Assert.True(t.Active && t.ExitCode is null));
        Assert.Equal(new SlurmTask("9", 0, "CANCELLED", 0, null), Assert.Single(SlurmClient.ParseScontrol("JobId=10 ArrayJobId=9 ArrayTaskId=0 JobState=CANCELLED Reason=None ExitCode=0:15")));
        Assert.Empty(SlurmClient.ParseScontrol("JobId=3 JobName=not-an-array JobState=COMPLETED ExitCode=0:0"));
    }

    // A Slurm command that fails as a busy controller makes it fail, `failures` times, then answers `answer`.
    private static void FakeCommand(TempDir dir, string name, int failures, string answer)
    {
        var count = System.IO.Path.Combine(dir.Path, name + ".calls");
        var script = dir.File(name, $"""
            #!/bin/sh
            n=$(cat {count} 2>/dev/null || echo 0); n=$((n + 1)); echo $n > {count}
            if [ $n -le {failures} ]; then echo "slurm_load_jobs error: Socket timed out on send/recv operation" >&2; exit 1; fi
            {answer}
            """);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
    }

    [Fact]
    public void A_controller_too_busy_to_answer_is_asked_again_not_read_as_a_job_that_ended()
    {
        using var dir = new TempDir();
        FakeCommand(dir, "squeue", 2, "echo 5_0");
        FakeCommand(dir, "scontrol", 3, "echo 'JobId=6 ArrayJobId=5 ArrayTaskId=0 JobState=RUNNING Reason=None ExitCode=0:0'");
        var client = new SlurmClient(dir.Path) { RetryDelay = TimeSpan.FromMilliseconds(1) };
        // Before: squeue's failure read as "nothing queued" ended the tracking while the task ran, and scontrol's as "no
        // task known" showed a cancelled task as incomplete instead of lost.
        Assert.True(client.Active("5"));
        Assert.Equal(new SlurmTask("5", 0, "RUNNING", 0, null), Assert.Single(client.Tasks("5")));
        Assert.Equal("3", File.ReadAllText(System.IO.Path.Combine(dir.Path, "squeue.calls")).Trim());

        // "Invalid job id" is an answer (the job is gone), given at once; a controller that never answers is an error.
        using var gone = new TempDir();
        FakeCommand(gone, "squeue", 0, "echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1");
        FakeCommand(gone, "scontrol", 0, "echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1");
        FakeCommand(gone, "sacct", 0, "echo 'Slurm accounting storage is disabled' >&2; exit 1");
        var goneClient = new SlurmClient(gone.Path) { RetryDelay = TimeSpan.FromMilliseconds(1) };
        Assert.False(goneClient.Active("5"));
        Assert.Empty(goneClient.Tasks("5"));
        Assert.Equal("1", File.ReadAllText(System.IO.Path.Combine(gone.Path, "squeue.calls")).Trim());
        using var down = new TempDir();
        FakeCommand(down, "squeue", 99, "echo 5_0");
        var e = Assert.Throws<SweepException>(() => new SlurmClient(down.Path) { RetryDelay = TimeSpan.FromMilliseconds(1) }.Active("5"));
        Assert.Equal("squeue could not tell the state of Slurm job 5 (5 attempts): slurm_load_jobs error: Socket timed out on send/recv operation; is the Slurm controller up ('sinfo')?", e.Message);
    }

    [Fact]
    public void Sacct_lines_give_state_and_exit_code_per_task()
    {
        Assert.Equal(new SlurmTask("12", 3, "CANCELLED", 0, null), Assert.Single(SlurmClient.ParseSacct("12_3|CANCELLED by 1000|0:15")));
        Assert.Equal(new SlurmTask("12", 1, "TIMEOUT", 0, null), Assert.Single(SlurmClient.ParseSacct("12_1|TIMEOUT|0:0")));
        Assert.Equal(new SlurmTask("12", 4, "FAILED", 2, null), Assert.Single(SlurmClient.ParseSacct("12_4|FAILED|2:0")));
        Assert.Equal(2, SlurmClient.ParseSacct("12_[5-6]|PENDING|0:0").Count());
    }

    [Fact]
    public void Config_files_layer_under_the_command_line_and_unknown_keys_are_errors()
    {
        using var dir = new TempDir();
        var user = SlurmConfig.Read(dir.File("user.json", "{\"partition\": \"cpu\", \"time\": \"02:00:00\", \"cpus_per_task\": 4, \"sbatch\": [\"--qos=long\"]}"));
        var sweep = SlurmConfig.Read(dir.File("slurm.json", "{\"time\": \"00:30:00\", \"max_parallel\": 10}"));
        var cli = SlurmConfig.Empty with { Memory = "4G", Extra = ["--account=lab"] };
        var config = user.With(sweep).With(cli);
        Assert.Equal(["--partition=cpu", "--time=00:30:00", "--mem=4G", "--cpus-per-task=4", "--qos=long", "--account=lab"], config.Directives());
        Assert.Equal(10, config.MaxParallel);

        Assert.EndsWith("bad.json: unknown key 'partiton'; allowed: partition, time, mem, cpus_per_task, max_parallel, sbatch.",
            Assert.Throws<SweepException>(() => SlurmConfig.Read(dir.File("bad.json", "{\"partiton\": \"cpu\"}"))).Message);
        Assert.EndsWith("'cpus_per_task' must be a whole number >= 1; got 0.",
            Assert.Throws<SweepException>(() => SlurmConfig.Read(dir.File("zero.json", "{\"cpus_per_task\": 0}"))).Message);
        Assert.Contains("'sbatch' must be a list of strings",
            Assert.Throws<SweepException>(() => SlurmConfig.Read(dir.File("list.json", "{\"sbatch\": \"--qos=x\"}"))).Message);
    }

    [Fact]
    public void The_job_script_runs_the_array_task_point_with_the_requested_resources()
    {
        using var dir = new TempDir();
        var folder = SweepFixtures.Create(Path.Combine(dir.Path, "my sweep"));
        var config = SlurmConfig.Empty with { Partition = "debug", CpusPerTask = 2, Extra = ["--qos=short"] };
        var script = new SlurmExecutor(new SlurmClient(), config, ["/opt/hwdsl/hwdsl"]).Script(folder).Split('\n');
        Assert.Equal("#!/bin/bash", script[0]);
        Assert.Contains($"#SBATCH --output={folder.Root}/slurm/%A_%a.out", script);
        Assert.Contains("#SBATCH --partition=debug", script);
        Assert.Contains("#SBATCH --cpus-per-task=2", script);
        Assert.Contains("#SBATCH --qos=short", script);
        Assert.Contains($"exec '/opt/hwdsl/hwdsl' sweep task '{folder.Root}' \"$SLURM_ARRAY_TASK_ID\" --threads \"${{SLURM_CPUS_PER_TASK:-1}}\"", script);
    }
}
