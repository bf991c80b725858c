namespace HwDsl.Sweeps.Tests;

public sealed class LocalExecutorTests
{
    [Fact]
    public async Task Runs_every_point_in_parallel_keeps_logs_and_exit_codes_and_resume_runs_only_the_failed()
    {
        using var dir = new TempDir();
        var folder = SweepFixtures.Create(Path.Combine(dir.Path, "sw"));
        var events = new List<SweepProgress>();
        var records = await new LocalExecutor(2, []).RunAsync(folder, folder.Unfinished(), events.Add, CancellationToken.None);

        Assert.Equal(6, records.Count);
        Assert.Equal(2, events.Max(e => e.Running));
        Assert.Equal((4, 2), (events[^1].Done, events[^1].Failed));
        var failed = folder.Manifest.Points.Where(p => p["bits"] == "3").ToList();
        foreach (var p in failed)
        {
            Assert.Equal(3, folder.Record(p)!.ExitCode);
            Assert.Equal("bits 3 is broken\n", File.ReadAllText(Path.Combine(folder.PointDir(p), "stderr.log")));
        }
        Assert.Equal(failed, folder.Unfinished());
        var status = SweepStatus.Of(folder, null);
        Assert.Equal(["done", "done", "failed", "failed", "done", "done"], status.Select(s => s.State));
        Assert.Equal("points/" + failed[0].Id + "/stderr.log", status[2].Log);

        // Repair the cause and resume: only the two failed points run again, and the table becomes complete.
        File.Delete(Path.Combine(folder.Root, "break-3"));
        var before = File.GetLastWriteTimeUtc(Path.Combine(folder.PointDir(folder.Manifest.Points[0]), "point.json"));
        var resumed = await new LocalExecutor(2, []).RunAsync(SweepFolder.Open(folder.Root), folder.Unfinished(), _ => { }, CancellationToken.None);
        Assert.Equal(failed.Select(p => p.Id).Order(), resumed.Select(r => r.Id).Order());
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(folder.PointDir(folder.Manifest.Points[0]), "point.json")));
        Assert.Empty(folder.Unfinished());
        var csv = File.ReadAllLines(Path.Combine(folder.Root, "results.csv"));
        Assert.Equal("point,bits,seed,status,exit_code,acc,bits_seen,run_record,log,reason", csv[0]);
        Assert.Equal(["0.2", "0.21", "0.3", "0.31", "0.4", "0.41"], csv.Skip(1).Select(l => l.Split(',')[5]));
    }

    [Fact]
    public async Task A_cancelled_point_keeps_what_it_wrote_is_not_done_and_runs_again_on_resume()
    {
        using var dir = new TempDir();
        var template = "echo partial > {output}/partial.txt; echo started; if [ ! -e {output}/second ]; then touch {output}/second; sleep 60; fi; echo '{\"x\": {x}}' > {output}/results.json";
        var folder = SweepSetup.Create(SweepSetup.Plan(null, template, false, [], new SweepDeclaration().ParseGrid("x=1")), Path.Combine(dir.Path, "sw"));
        var point = folder.Manifest.Points[0];
        using var cancel = new CancellationTokenSource();
        var run = new LocalExecutor(1, []).RunAsync(folder, folder.Unfinished(), _ => { }, cancel.Token);
        var stdout = Path.Combine(folder.PointDir(point), "stdout.log");
        for (var i = 0; i < 200 && !(File.Exists(stdout) && File.ReadAllText(stdout).Contains("started")); i++) await Task.Delay(50);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal("partial\n", File.ReadAllText(Path.Combine(folder.PointDir(point), "partial.txt")));
        Assert.Equal("started\n", File.ReadAllText(stdout));
        Assert.Null(folder.Record(point));
        Assert.Equal("incomplete", SweepStatus.Of(folder, null)[0].State);
        Assert.Equal("incomplete", ResultMerger.Merge(folder).Rows[0].Status);

        await new LocalExecutor(1, []).RunAsync(folder, folder.Unfinished(), _ => { }, CancellationToken.None);
        Assert.Equal("done", SweepStatus.Of(folder, null)[0].State);
        // The script's own "x" is renamed so it cannot shadow the parameter column.
        Assert.Equal("1", ResultMerger.Merge(folder).Rows[0].Metrics["result_x"].GetRawText());
    }
}
