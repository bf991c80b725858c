using System.Globalization;
using HwDsl.Experiments;
using ScottPlot;

namespace HwDsl.Reports;

/// <summary>Deployed vs software accuracy per run, accuracy vs read time, and the per-die error histogram.</summary>
internal static class DeploymentFigures
{
    public static IEnumerable<Figure> For(IReadOnlyList<RunData> runs)
    {
        if (Accuracies(runs) is { } bars) yield return bars;
        if (OverTime(runs) is { } time) yield return time;
        foreach (var run in runs)
            if (DieErrors(run, runs.Count > 1) is { } dies) yield return dies;
    }

    // One group per run: software accuracy of its trained weights, deployed mean ± sd, and the float baseline where known.
    private static Figure? Accuracies(IReadOnlyList<RunData> runs)
    {
        var rows = runs.Where(r => double.IsFinite(r.Number("software_accuracy"))).ToList();
        if (rows.Count == 0) return null;
        var chart = new Chart("deployed-vs-software", "Deployed vs software accuracy", "run (mode)", "test accuracy (%)");
        var bars = new List<Bar>();
        var kinds = new[] { ("software_accuracy", "software (trained weights in float)"), ("deployed_accuracy_mean", "deployed on the hardware") };
        for (var i = 0; i < rows.Count; i++)
            for (var k = 0; k < kinds.Length; k++)
            {
                var value = rows[i].Number(kinds[k].Item1);
                if (!double.IsFinite(value)) continue;
                var sd = k == 1 ? rows[i].Number("deployed_accuracy_sd") : 0;
                bars.Add(new Bar
                {
                    Position = i * 3 + k, Value = 100 * value, Error = double.IsFinite(sd) ? 100 * sd : 0, FillColor = Chart.Colour(k),
                    Label = (100 * value).ToString("F2", CultureInfo.InvariantCulture),   // as the tables print it (97.85, not 97.9)
                });
            }
        var plot = chart.Plot.Add.Bars(bars);
        plot.ValueLabelStyle.FontSize = 10;
        chart.Count(kinds.Length, bars.Count);
        chart.Plot.Axes.Bottom.SetTicks([.. rows.Select((_, i) => i * 3 + 0.5)], [.. rows.Select(r => $"{Short(r.Name)}\n({r.Text("mode")})")]);
        chart.Plot.Axes.Margins(bottom: 0);
        var lowest = bars.Min(b => b.Value - b.Error);
        chart.Plot.Axes.SetLimitsY(Math.Max(0, Math.Floor(lowest / 10) * 10 - 10), 100);
        chart.Plot.ShowLegend([.. kinds.Select((k, i) => new LegendItem { LabelText = k.Item2, FillColor = Chart.Colour(i) })], Alignment.LowerLeft);
        var baselines = rows.Select(r => r.Number("float_baseline_accuracy")).Where(double.IsFinite).Distinct().ToList();
        foreach (var b in baselines) chart.Plot.Add.HorizontalLine(100 * b, 1, Colors.Gray);
        return chart.Render("Per run: the trained weights evaluated in software and, where the run was deployed, the mean test accuracy of " +
            "the hard deployed model over its noise samples or dies (error bar: ± one sample sd). Grey line: the float-trained baseline's software accuracy.",
            legend: false);
    }

    private static Figure? OverTime(IReadOnlyList<RunData> runs)
    {
        var timed = runs.Where(r => r.Evaluations is { } e && e.Numbers("read_seconds").Distinct().Count() > 1).ToList();
        if (timed.Count == 0) return null;
        var chart = new Chart("accuracy-vs-time", "Deployed accuracy vs time after programming", "time after programming", "test accuracy (%)");
        var times = new SortedSet<double>();
        for (var i = 0; i < timed.Count; i++)
        {
            var e = timed[i].Evaluations!;
            var groups = e.Rows.GroupBy(r => e.Number(r, "read_seconds")).OrderBy(g => g.Key).ToList();
            double[] xs = [.. groups.Select(g => Position(g.Key))];
            var stats = groups.Select(g => Stats(g.Select(r => 100 * e.Number(r, "accuracy")))).ToList();
            chart.Line(xs, [.. stats.Select(s => s.Mean)], timed[i].Name, i);
            var bars = chart.Plot.Add.ErrorBar(xs, [.. stats.Select(s => s.Mean)], [.. stats.Select(s => s.Sd)]);
            bars.Color = Chart.Colour(i);
            foreach (var g in groups) times.Add(g.Key);
        }
        chart.Plot.Axes.Bottom.SetTicks([.. times.Select(Position)], [.. times.Select(Time)]);
        return chart.Render("Mean ± sd over noise samples of the deployed network read at each time after programming (drift and " +
            "time-dependent read noise); the time axis is logarithmic (log₁₀(1 + seconds)).");
    }

    private static Figure? DieErrors(RunData run, bool named)
    {
        if (run.Evaluations is not { } e || !e.Has("die")) return null;
        var errors = e.Rows.Where(r => e.Cell(r, "die") != "").Select(r => 100 * (1 - e.Number(r, "accuracy"))).Where(double.IsFinite).ToList();
        if (errors.Count == 0) return null;
        var stats = DieStatistics.FromAccuracies(errors.Select(x => 1 - x / 100));
        var id = named ? $"die-errors-{Slug(run.Name)}" : "die-errors";
        var chart = new Chart(id, named ? $"Per-die test error: {run.Name}" : "Per-die test error", "test error (%)", "dies");
        var low = errors.Min();
        var high = Math.Max(errors.Max(), low + 1e-9);
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(DieStatistics.Bins, low, high + (high - low) * 1e-6);
        histogram.AddRange(errors);
        chart.Plot.Add.Histogram(histogram);
        chart.Count(1, errors.Count);
        var mean = chart.Plot.Add.VerticalLine(100 * stats.Mean, 2, Colors.Black);
        mean.Text = "mean";
        return chart.Render(string.Create(CultureInfo.InvariantCulture,
            $"Test error of the trained network deployed on each of {errors.Count} dies: mean {100 * stats.Mean:F2} %, sd {100 * stats.Sd:F2} pp, " +
            $"min {100 * stats.Min:F2} %, max {100 * stats.Max:F2} %."), legend: false);
    }

    internal static (double Mean, double Sd) Stats(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return (double.NaN, 0);
        var mean = v.Average();
        return (mean, v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)));
    }

    internal static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    private static string Short(string name) => name.Length <= 22 ? name : name[..21] + "…";

    private static double Position(double seconds) => Math.Log10(1 + Math.Max(0, seconds));

    private static string Time(double seconds) => seconds switch
    {
        0 => "0 s",
        >= 365 * 86400.0 => string.Create(CultureInfo.InvariantCulture, $"{seconds / (365 * 86400.0):G3} y"),
        >= 86400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:G3} d"),
        >= 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:G3} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:G3} s"),
    };
}
