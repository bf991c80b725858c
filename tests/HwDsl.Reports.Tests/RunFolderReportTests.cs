using System.Globalization;
using HwDsl.Experiments;

namespace HwDsl.Reports.Tests;

/// <summary>Figures that only some runs have: per-die errors and accuracy over time after programming, from evaluations.csv;
/// and the browser check itself, which must catch a page with an error or a figure without data.</summary>
public sealed class RunFolderReportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwdsl-report-run-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Run(string name, string evaluations)
    {
        var run = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(run, "run.json"), "{\"status\": \"completed\"}");
        File.WriteAllText(Path.Combine(run, "results.json"),
            $"[{{\"name\": \"{name}\", \"mode\": \"hardware_aware\", \"software_accuracy\": 0.95, \"deployed_accuracy_mean\": 0.9, \"deployed_accuracy_sd\": 0.01}}]");
        File.WriteAllText(Path.Combine(run, "metrics.csv"), "epoch,learning_rate,beta,train_loss,train_accuracy,test_loss,test_accuracy,samples_per_second,train_seconds\n" +
            "1,0.001,2,0.9,0.7,0.5,0.8,1000,3\n2,0.0005,10,0.5,0.85,0.4,0.88,1000,3\n3,0,50,0.4,0.9,0.35,0.9,1000,3\n");
        File.WriteAllText(Path.Combine(run, EvaluationLog.File), evaluations);
        return run;
    }

    [Fact]
    public async Task Dies_and_read_times_give_their_figures()
    {
        var dies = "read_seconds,sample,die,accuracy\n" + string.Concat(Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"0,,{i},{0.8 + i * 0.005}\n")));
        var time = "read_seconds,sample,die,accuracy\n0,0,,0.9\n0,1,,0.91\n86400,0,,0.85\n86400,1,,0.86\n31536000,0,,0.7\n31536000,1,,0.72\n";
        var (dieFile, dieFigures) = Report.Write(Run("dies", dies));
        Assert.Contains(dieFigures, f => f.Id == "die-errors" && f.Points == 20);
        var (_, dieFigureTexts) = await BrowserCheck.RunAsync(dieFile, ["die-errors", "training-loss", "beta"]);
        // Epoch axes tick on whole epochs only (β itself runs 2..50, so its axis has no decimals either).
        var betaTexts = dieFigureTexts["beta"].GetProperty("texts").EnumerateArray().Select(t => t.GetString()!.Trim()).ToList();
        Assert.Contains("1", betaTexts);
        Assert.Contains("3", betaTexts);
        Assert.DoesNotContain(betaTexts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d+\.\d+$"));
        var (timeFile, timeFigures) = Report.Write(Run("drift", time));
        Assert.Contains(timeFigures, f => f.Id == "accuracy-vs-time" && f.Points == 3);
        var (_, figures) = await BrowserCheck.RunAsync(timeFile, ["accuracy-vs-time"]);
        var ticks = figures["accuracy-vs-time"].GetProperty("texts").EnumerateArray().Select(t => t.GetString()!.Trim()).ToList();
        Assert.Contains("1 d", ticks);
        Assert.Contains("1 y", ticks);
    }

    [Fact]
    public async Task The_browser_check_fails_on_a_console_error_and_on_a_figure_without_data()
    {
        var (file, _) = Report.Write(Run("ok", "read_seconds,sample,die,accuracy\n0,0,,0.9\n"));
        var html = File.ReadAllText(file);
        var broken = Path.Combine(_root, "broken.html");
        File.WriteAllText(broken, html.Replace("</body>", "<script>console.error('boom')</script></body>"));
        var error = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => BrowserCheck.RunAsync(broken, ["training-loss"]));
        Assert.Contains("boom", error.Message);
        // Remove every plotted mark of the loss figure: axes stay, data goes.
        var start = html.IndexOf("data-figure=\"training-loss\"", StringComparison.Ordinal);
        var end = html.IndexOf("</figure>", start, StringComparison.Ordinal);
        var figure = html[start..end];
        var empty = System.Text.RegularExpressions.Regex.Replace(figure, "<g clip-path=\"[^\"]*\">.*?</g>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEqual(figure, empty);
        var blank = Path.Combine(_root, "nodata.html");
        File.WriteAllText(blank, html[..start] + empty + html[end..]);
        var missing = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => BrowserCheck.RunAsync(blank, ["training-loss"]));
        Assert.Contains("draws no data", missing.Message);
    }
}
