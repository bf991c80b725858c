using System.Globalization;
using System.Text.Json;
using HwDsl.Experiments.Tests;
using HwDsl.Scripting.Tests;

namespace HwDsl.Reports.Tests;

/// <summary>A real sweep (local processes, any command) gives its report: the metric against each swept parameter and a heat map.</summary>
public sealed class SweepReportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwdsl-report-sweep-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    // accuracy = 0.5 + bits/10 + seed/100 (+ 0.1 for aware): mean over seeds 0, 1 is 0.505 + bits/10 (+ 0.1), sd 0.00707.
    private const string Command = "printf '{\"accuracy\": %s, \"mode\": \"%s\"}' $(echo {bits} {seed} {mode} | awk '{print 0.5 + $1/10 + $2/100 + ($3 == \"aware\" ? 0.1 : 0)}') {mode} > {output}/results.json";

    [Fact]
    public async Task A_sweep_folder_gives_a_report_with_each_swept_parameter_and_a_heat_map()
    {
        var dir = Path.Combine(_root, "sweep");
        var home = Path.Combine(_root, "home");
        var sweep = Cli.Run(home, "sweep", "--command", Command, "--grid", "bits=2,3,4", "mode=naive,aware", "--seeds", "0..1", "--output", dir);
        Assert.True(sweep.Exit == 0, sweep.Out + sweep.Err);
        var report = Cli.Run(home, "report", dir);
        Assert.True(report.Exit == 0, report.Out + report.Err);
        var html = Path.Combine(dir, "report.html");
        Assert.Contains(html, report.Out);

        var (_, figures) = await BrowserCheck.RunAsync(html, ["sweep-bits", "sweep-mode", "heatmap-bits-mode"]);
        Assert.Equal(2, figures["sweep-bits"].GetProperty("series").GetInt32());      // one line per mode
        Assert.Equal(6, figures["sweep-bits"].GetProperty("points").GetInt32());      // 3 bit widths each, seeds averaged
        Assert.Equal(6, figures["heatmap-bits-mode"].GetProperty("points").GetInt32());
        // The heat map's cells carry their means: bits 4, aware = 0.505 + 0.4 + 0.1.
        Assert.Contains("100.5", figures["heatmap-bits-mode"].GetProperty("texts").EnumerateArray().Select(t => t.GetString()!.Trim()));

        // The merged table is one flat schema: a result named like a parameter gets the result_ prefix, and pandas reads both files.
        var frame = Python.Run("""
            import sys, json, pandas as pd
            j, c = pd.read_json(sys.argv[1] + "/results.json"), pd.read_csv(sys.argv[1] + "/results.csv")
            assert list(j.columns) == list(c.columns), (list(j.columns), list(c.columns))
            print(json.dumps({"columns": list(j.columns), "rows": len(j), "mean": float(j["accuracy"].mean())}))
            """, dir);
        using var doc = JsonDocument.Parse(frame);
        Assert.Equal(["point", "bits", "mode", "seed", "status", "exit_code", "accuracy", "result_mode", "run_record", "log", "reason"],
            doc.RootElement.GetProperty("columns").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(12, doc.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(0.5 + 0.3 + 0.005 + 0.05, doc.RootElement.GetProperty("mean").GetDouble(), 9);
    }

    [Fact]
    public async Task A_sweep_whose_runs_report_energy_gets_an_energy_accuracy_scatter_with_its_pareto_front()
    {
        // energy = bits pJ, accuracy = 0.5 + bits/10 (+ 0.1 aware): the three aware points are the front, the naive ones lie below it.
        const string command = "printf '{\"accuracy\": %s, \"energy_per_inference_j\": %s}' $(echo {bits} {mode} | awk '{print 0.5 + $1/10 + ($2 == \"aware\" ? 0.1 : 0), $1 * 1e-12}') > {output}/results.json";
        var dir = Path.Combine(_root, "energy");
        var home = Path.Combine(_root, "home");
        var sweep = Cli.Run(home, "sweep", "--command", command, "--grid", "bits=2,3,4", "mode=naive,aware", "--output", dir);
        Assert.True(sweep.Exit == 0, sweep.Out + sweep.Err);
        var report = Cli.Run(home, "report", dir);
        Assert.True(report.Exit == 0, report.Out + report.Err);
        var (_, figures) = await BrowserCheck.RunAsync(Path.Combine(dir, "report.html"), ["energy-accuracy"]);
        Assert.Equal(2, figures["energy-accuracy"].GetProperty("series").GetInt32());   // the points and the front
        Assert.Equal(6 + 3, figures["energy-accuracy"].GetProperty("points").GetInt32());
    }

    [Fact]
    public void A_folder_that_is_none_of_the_three_is_one_line_naming_it()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "nothing")).FullName;
        var r = Cli.Run(Path.Combine(_root, "home"), "report", empty);
        Assert.Equal(2, r.Exit);
        Assert.Equal($"hwdsl: {empty}: no run folders here (no run.json, no runs.json, no sweep.json); give a run folder, a script's results folder or a sweep folder.", r.Err.Trim());
        _ = CultureInfo.InvariantCulture;
    }
}
