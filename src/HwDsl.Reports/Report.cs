using System.Globalization;
using System.Text.Json;
using HwDsl.Experiments;

namespace HwDsl.Reports;

/// <summary>
/// One self-contained HTML file with SVG figures for a run folder, a script's results folder (its runs, listed in
/// <c>runs.json</c> or found below it) or a sweep folder (<c>sweep.json</c> and the merged <c>results.csv</c>).
/// Everything shown is read from the folder, so a report can be made again at any time, on any machine.
/// </summary>
public static class Report
{
    /// <summary>The file a script's results folder keeps its run folders in, in the order they ran.</summary>
    public const string RunIndex = "runs.json";

    /// <summary>Writes the report of <paramref name="path"/> to <paramref name="output"/> (default: <c>report.html</c> in the
    /// folder) and returns the file's path and the figures it holds.</summary>
    public static (string File, IReadOnlyList<Figure> Figures) Write(string path, string? output = null)
    {
        var (html, figures) = Build(path);
        var folder = Path.GetFullPath(path);
        var file = Path.GetFullPath(output ?? Path.Combine(folder, "report.html"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        RunFolder.WriteAtomic(file, html);
        return (file, figures);
    }

    /// <summary>The report of <paramref name="path"/> as HTML; throws <see cref="ReportException"/> when it is not a folder a report can be made from.</summary>
    public static (string Html, IReadOnlyList<Figure> Figures) Build(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetFullPath(path);
        if (!Directory.Exists(folder)) throw new ReportException($"{path}: no such folder; give a run folder, a script's results folder or a sweep folder.");
        var generated = string.Create(CultureInfo.InvariantCulture, $"{folder} · made by hwdsl report on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        HtmlPage page;
        if (SweepData.IsSweepFolder(folder)) page = SweepReport.Build(SweepData.Load(folder));
        else if (RunData.IsRunFolder(folder))
        {
            var run = RunData.Load(folder);
            page = RunsReport.Build($"Run {run.Name}", [run]);
        }
        else
        {
            var runs = Runs(folder);
            if (runs.Count == 0)
                throw new ReportException($"{path}: no run folders here (no run.json, no {RunIndex}, no sweep.json); give a run folder, a script's results folder or a sweep folder.");
            page = RunsReport.Build($"Results {Path.GetFileName(folder)}", runs);
        }
        return (page.Render(generated), page.Figures);
    }

    /// <summary>A results folder's runs: those its <c>runs.json</c> lists (paths relative to it or absolute), else every run folder below it.</summary>
    public static IReadOnlyList<RunData> Runs(string folder)
    {
        var index = Path.Combine(folder, RunIndex);
        IEnumerable<string> paths;
        if (File.Exists(index))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(index));
                paths = [.. doc.RootElement.EnumerateArray().Select(e => Path.GetFullPath(e.GetString()!, folder))];
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw new ReportException($"{index}: expected a JSON array of run folder paths ({e.Message}).");
            }
        }
        else
        {
            paths = Directory.EnumerateFiles(folder, "run.json", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
                .Select(Path.GetDirectoryName).OfType<string>().OrderBy(Directory.GetCreationTimeUtc).ThenBy(p => p, StringComparer.Ordinal);
        }
        return [.. paths.Where(RunData.IsRunFolder).Select(RunData.Load)];
    }
}
