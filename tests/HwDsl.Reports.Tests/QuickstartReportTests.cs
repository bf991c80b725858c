using System.Text.Json;

using HwDsl.Experiments.Tests;

namespace HwDsl.Reports.Tests;

/// <summary>The quickstart ends with a report.html that a real browser shows with every figure; pandas reads everything it wrote.</summary>
public sealed class QuickstartReportTests(QuickstartRun run) : IClassFixture<QuickstartRun>
{
    [Fact]
    public async Task The_quickstart_ends_with_a_report_that_Chromium_shows_with_every_figure()
    {
        Assert.True(run.Exit == 0, run.Stdout + run.Stderr);
        var report = Path.Combine(run.Output, "report.html");
        Assert.Contains($"report: {report}", run.Stdout);
        var html = File.ReadAllText(report);
        // Self-contained: nothing is fetched from anywhere.
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("data-smoke-test", html);
        string[] expected =
        [
            "training-loss", "training-accuracy", "beta", "learning-rate", "deployed-vs-software",
            .. Enumerable.Range(0, 3).SelectMany(i => new[] { $"weights-quickstart-naive-layer{i}", $"conductances-quickstart-naive-layer{i}",
                $"weights-quickstart-hw-aware-layer{i}", $"conductances-quickstart-hw-aware-layer{i}" }),
        ];
        var (shot, figures) = await BrowserCheck.RunAsync(report, expected);
        Console.WriteLine($"screenshot: {shot}");
        // Three runs in the table and in the bars: float (software only), naive and hardware-aware (software and deployed).
        Assert.Equal(5, figures["deployed-vs-software"].GetProperty("points").GetInt32());
        Assert.Equal(2, figures["training-loss"].GetProperty("series").GetInt32());   // the naive mapping trained nothing
    }

    [Fact]
    public void Every_row_the_quickstart_prints_has_a_run_folder_listed_for_the_report()
    {
        Assert.True(run.Exit == 0, run.Stdout + run.Stderr);
        var runs = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(run.Output, "runs.json")))!;
        Assert.Equal(3, runs.Length);
        Assert.Collection(runs, r => Assert.StartsWith("runs/quickstart-float-", r), r => Assert.StartsWith("runs/quickstart-naive-", r),
            r => Assert.StartsWith("runs/quickstart-hw-aware-", r));
        Assert.All(runs, r => Assert.True(File.Exists(Path.Combine(run.Output, r, "results.json"))));
        var table = File.ReadAllText(Path.Combine(run.Output, "quickstart.md"));
        Assert.StartsWith("> **Smoke test (`--quick`)**", table);
        Assert.Equal(1, table.Split("Smoke test").Length - 1);
    }

    [Fact]
    public void Pandas_reads_every_json_and_csv_the_quickstart_wrote_in_one_snake_case_schema()
    {
        Assert.True(run.Exit == 0, run.Stdout + run.Stderr);
        var output = Python.Run("""
            import sys, os, re, json, pandas as pd
            snake = re.compile(r'^[a-z][a-z0-9_]*$')
            seen = {}
            for folder, _, files in os.walk(sys.argv[1]):
                for f in files:
                    path = os.path.join(folder, f)
                    if f.endswith('.csv'):
                        frame = pd.read_csv(path)
                    elif f == 'run.json':
                        frame = pd.read_json(path, typ='series')   # one record: a series of fields
                    elif f.endswith('.json'):
                        frame = pd.read_json(path)                 # tables: results.json, runs.json
                    else:
                        continue
                    columns = list(frame.index if isinstance(frame, pd.Series) else frame.columns)
                    if f in ('results.json', 'results.csv', 'metrics.csv', 'evaluations.csv', 'run.json'):
                        bad = [c for c in columns if not snake.match(str(c))]
                        assert not bad, f'{path}: not snake_case: {bad}'
                    seen.setdefault(f, []).append(len(frame))
                    if f == 'results.json':
                        row = frame.iloc[0]
                        assert row['mode'] in ('float', 'naive_mapping', 'hardware_aware'), row['mode']
                        assert row['weight_gradient'] in ('none', 'sigmoid_relaxation', 'ste'), row['weight_gradient']
                        assert 0 < float(row['software_accuracy']) <= 1
                        assert bool(row['smoke_test']) is True
                        assert float(row['train_seconds']) >= 0
            print(json.dumps(seen))
            """, run.Output);
        using var seen = JsonDocument.Parse(output);
        var r = seen.RootElement;
        Assert.Equal(3, r.GetProperty("results.json").GetArrayLength());
        Assert.Equal(3, r.GetProperty("results.csv").GetArrayLength());
        Assert.Equal(3, r.GetProperty("run.json").GetArrayLength());
        Assert.Equal(3, r.GetProperty("metrics.csv").GetArrayLength());
        Assert.Equal(2, r.GetProperty("evaluations.csv").GetArrayLength());
        Assert.True(r.GetProperty("layer0.weights.csv").GetArrayLength() == 3, "each run exports its weights as CSV");
    }
}
