using System.Text.Json;
using HwDsl.Experiments;

namespace HwDsl.Sweeps.Tests;

public sealed class MergeTests
{
    private static SweepFolder Folder(string root)
        => SweepSetup.Create(SweepSetup.Plan(null, "true {bits} {seed}", false, [], new SweepDeclaration().ParseGrid("bits=2,4").ParseGrid("seeds=0..1")), root);

    private static void Finish(SweepFolder folder, SweepPoint p, int exit, string? results, DateTime at, string file = "results.json")
    {
        var dir = folder.PointDir(p);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file))!);
        if (results is not null) File.WriteAllText(Path.Combine(dir, file), results);
        SweepFolder.WriteJson(Path.Combine(dir, "point.json"), new PointRecord(p.Id, exit, at, at.AddSeconds(3), "h", null));
    }

    [Fact]
    public void The_merged_table_is_the_same_bytes_whatever_order_points_finished_in()
    {
        using var dir = new TempDir();
        var texts = new List<string>();
        foreach (var (name, order) in new[] { ("a", new[] { 0, 1, 2, 3 }), ("b", new[] { 3, 1, 0, 2 }) })
        {
            var folder = Folder(Path.Combine(dir.Path, name));
            var t = DateTime.UtcNow;
            foreach (var i in order)
            {
                var p = folder.Manifest.Points[i];
                Finish(folder, p, i == 2 ? 1 : 0, i == 2 ? null : $"{{\"acc\": 0.9{i}, \"mode\": \"m{i}\", \"deployed\": [1, 2], \"training\": {{\"x\": 1}}}}", t = t.AddMinutes(1));
                ResultMerger.Write(folder); // as an executor does after each point
            }
            texts.Add(File.ReadAllText(Path.Combine(folder.Root, "results.csv")) + File.ReadAllText(Path.Combine(folder.Root, "results.json")));
        }
        Assert.Equal(texts[0], texts[1]);
        var csv = texts[0].Split('\n');
        Assert.Equal("point,bits,seed,status,exit_code,acc,mode,run_record,log,reason", csv[0]);
        Assert.StartsWith("bits2_seed0-", csv[1]);
        Assert.Contains(",2,0,done,0,0.90,m0,points/bits2_seed0-", csv[1]);
        Assert.Contains(",4,0,failed,1,,,,points/bits4_seed0-", csv[3]);
        Assert.EndsWith("/stderr.log,", csv[3]);   // no run folder below it, so no reason
    }

    [Fact]
    public void Every_results_json_under_a_point_is_a_row_with_its_folder_as_run_record()
    {
        using var dir = new TempDir();
        var folder = Folder(Path.Combine(dir.Path, "sw"));
        var p = folder.Manifest.Points[0];
        var t = DateTime.UtcNow;
        // Two ExperimentRunner run folders (written in reverse name order) and an array the script wrote itself.
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(folder.PointDir(p), "runs", "hw-2")).FullName, "results.json"), "{\"Mode\": \"HardwareAware\", \"Accuracy\": 0.97, \"Seed\": 0, \"bits\": 9}");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(folder.PointDir(p), "runs", "fl-1")).FullName, "results.json"), "{\"Mode\": \"Float\", \"Accuracy\": 0.98, \"DeployedMean\": \"NaN\"}");
        Finish(folder, p, 0, "[{\"table\": 1}, {\"table\": 2}]", t);
        var table = ResultMerger.Merge(folder);
        var rows = table.Rows.Where(r => r.Point == p.Id).ToList();
        Assert.Equal(["points/" + p.Id, "points/" + p.Id, $"points/{p.Id}/runs/fl-1", $"points/{p.Id}/runs/hw-2"], rows.Select(r => r.RunRecord));
        Assert.Equal(["table", "Mode", "Accuracy", "DeployedMean", "Seed", "result_bits"], table.Metrics);
        Assert.Equal("NaN", rows[2].Metrics["DeployedMean"].GetString());
        Assert.Equal(9, rows[3].Metrics["result_bits"].GetInt32());
        Assert.Equal("2", rows[3].Parameters["bits"]);
        Assert.Equal(3 + 4, table.Rows.Count); // the three points without results still have a row each
    }

    [Fact]
    public void A_result_file_that_is_not_json_marks_its_row_and_does_not_stop_the_merge()
    {
        using var dir = new TempDir();
        var folder = Folder(Path.Combine(dir.Path, "sw"));
        Finish(folder, folder.Manifest.Points[0], 0, "{not json", DateTime.UtcNow);
        Finish(folder, folder.Manifest.Points[1], 0, "{\"acc\": 1}", DateTime.UtcNow);
        var table = ResultMerger.Write(folder);
        Assert.Equal("unreadable result", table.Rows[0].Status);
        Assert.Equal($"points/{folder.Manifest.Points[0].Id}/results.json", table.Rows[0].Log);
        Assert.Equal("done", table.Rows[1].Status);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "results.json")));
        Assert.Equal(4, json.RootElement.GetArrayLength());
    }
}
