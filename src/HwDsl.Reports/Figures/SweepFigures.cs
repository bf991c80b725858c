using System.Globalization;

namespace HwDsl.Reports;

/// <summary>
/// A sweep's merged table: the headline metric against each swept parameter (mean ± sd over seeds, one series per setting
/// of the other parameters, at most <see cref="MaxSeries"/>; beyond that averaged over them too), and a heat map of it
/// over the first two swept parameters.
/// </summary>
internal static class SweepFigures
{
    public const int MaxSeries = 8;

    /// <summary>The metric a sweep's figures show: the first of these the table has, else its first numeric column.</summary>
    public static string? Metric(SweepData sweep)
    {
        string[] preferred = ["accuracy", "deployed_accuracy_mean", "software_accuracy", "result_accuracy"];
        var t = sweep.Table;
        var skip = new HashSet<string>(["point", "status", "exit_code", "run_record", "log", "reason", .. sweep.Parameters]);
        return preferred.FirstOrDefault(t.Has)
            ?? t.Header.FirstOrDefault(h => !skip.Contains(h) && t.Rows.Any(r => double.IsFinite(t.Number(r, h))));
    }

    /// <summary>The parameters that vary (the seed is what the spread is taken over).</summary>
    public static IReadOnlyList<string> Swept(SweepData sweep)
        => [.. sweep.Parameters.Where(p => p != "seed" && sweep.Table.Rows.Select(r => sweep.Table.Cell(r, p)).Distinct().Count() > 1)];

    public static IEnumerable<Figure> For(SweepData sweep)
    {
        if (Metric(sweep) is not { } metric) yield break;
        var t = sweep.Table;
        var rows = t.Rows.Where(r => double.IsFinite(t.Number(r, metric))).ToList();
        if (rows.Count == 0) yield break;
        var percent = metric.Contains("accuracy", StringComparison.Ordinal);
        double Value(string[] r) => (percent ? 100 : 1) * t.Number(r, metric);
        var yLabel = percent ? $"{metric} (%)" : metric;
        var swept = Swept(sweep);
        foreach (var p in swept)
        {
            var (positions, labels) = Axis(rows.Select(r => t.Cell(r, p)));
            var others = swept.Where(o => o != p).ToList();
            string Key(string[] r) => string.Join(", ", others.Select(o => $"{o}={t.Cell(r, o)}"));
            var groups = rows.GroupBy(Key).ToList();
            if (groups.Count > MaxSeries) groups = [.. rows.GroupBy(_ => "all settings")];
            var chart = new Chart($"sweep-{DeploymentFigures.Slug(p)}", $"{metric} vs {p}", p, yLabel);
            for (var i = 0; i < groups.Count; i++)
            {
                var points = groups[i].GroupBy(r => t.Cell(r, p)).Select(g => (X: positions[g.Key], S: DeploymentFigures.Stats(g.Select(Value)))).OrderBy(q => q.X).ToList();
                chart.Line([.. points.Select(q => q.X)], [.. points.Select(q => q.S.Mean)], groups[i].Key is { Length: > 0 } k ? k : metric, i);
                var bars = chart.Plot.Add.ErrorBar([.. points.Select(q => q.X)], [.. points.Select(q => q.S.Mean)], [.. points.Select(q => q.S.Sd)]);
                bars.Color = Chart.Colour(i);
            }
            if (labels is not null) chart.Plot.Axes.Bottom.SetTicks([.. positions.Values], [.. labels]);
            var seeds = sweep.Parameters.Contains("seed") ? "seeds" : "repeats";
            yield return chart.Render($"Mean ± sd over {seeds} of {metric} at each value of {p}" +
                (groups.Count > 1 ? ", one line per setting of the other swept parameters." : "."));
        }
        if (swept.Count >= 2) yield return Heatmap(sweep, rows, swept[0], swept[1], metric, Value, yLabel);
        if (percent && EnergyColumn(sweep) is { } energy) yield return EnergyScatter(sweep, rows, energy, Value, yLabel);
    }

    /// <summary>The merged table's energy-per-inference column (the runs' <c>energy_per_inference_j</c>, maybe prefixed), or null.</summary>
    public static string? EnergyColumn(SweepData sweep) =>
        sweep.Table.Header.FirstOrDefault(h => h.EndsWith("energy_per_inference_j", StringComparison.Ordinal));

    /// <summary>Accuracy against energy per inference, one marker per point (mean over seeds), the Pareto front as a line.</summary>
    private static Figure EnergyScatter(SweepData sweep, List<string[]> rows, string energy, Func<string[], double> value, string yLabel)
    {
        var t = sweep.Table;
        var others = sweep.Parameters.Where(p => p != "seed").ToList();
        var points = rows.Where(r => double.IsFinite(t.Number(r, energy)))
            .GroupBy(r => string.Join(", ", others.Select(o => $"{o}={t.Cell(r, o)}")))
            .Select(g => (Energy: g.Average(r => t.Number(r, energy)), Accuracy: g.Average(value))).ToList();
        return CostFigures.EnergyAccuracy(points, yLabel, "Each swept point (mean over seeds)");
    }

    private static Figure Heatmap(SweepData sweep, List<string[]> rows, string px, string py, string metric, Func<string[], double> value, string label)
    {
        var t = sweep.Table;
        var (xs, xLabels) = Axis(rows.Select(r => t.Cell(r, px)));
        var (ys, yLabels) = Axis(rows.Select(r => t.Cell(r, py)));
        var xKeys = xs.OrderBy(k => k.Value).Select(k => k.Key).ToList();
        var yKeys = ys.OrderBy(k => k.Value).Select(k => k.Key).ToList();
        var grid = new double[yKeys.Count, xKeys.Count];
        var chart = new Chart($"heatmap-{DeploymentFigures.Slug(px)}-{DeploymentFigures.Slug(py)}", $"{metric} over {px} × {py}", px, py);
        for (var j = 0; j < yKeys.Count; j++)
            for (var i = 0; i < xKeys.Count; i++)
            {
                var cell = rows.Where(r => t.Cell(r, px) == xKeys[i] && t.Cell(r, py) == yKeys[j]).Select(value).ToList();
                // Row 0 of the intensities is drawn at the top: put the smallest y value at the bottom.
                grid[yKeys.Count - 1 - j, i] = cell.Count == 0 ? double.NaN : cell.Average();
                if (cell.Count == 0) continue;
                var text = chart.Plot.Add.Text(cell.Average().ToString("F1", CultureInfo.InvariantCulture), i, j);
                text.LabelFontSize = 11;
                text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                text.LabelFontColor = ScottPlot.Colors.White;
            }
        var map = chart.Plot.Add.Heatmap(grid);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Extent = new ScottPlot.CoordinateRect(-0.5, xKeys.Count - 0.5, -0.5, yKeys.Count - 0.5);
        map.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        chart.Count(1, xKeys.Count * yKeys.Count);
        chart.Plot.Add.ColorBar(map).Label = label;
        chart.Plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, xKeys.Count).Select(i => (double)i)], [.. xKeys]);
        chart.Plot.Axes.Left.SetTicks([.. Enumerable.Range(0, yKeys.Count).Select(i => (double)i)], [.. yKeys]);
        // Text plottables are drawn in order: move the heat map below its labels.
        chart.Plot.MoveToBack(map);
        _ = xLabels; _ = yLabels;
        return chart.Render($"Mean {metric} over everything else (seeds and the other swept parameters) at each {px} × {py}.", legend: false);
    }

    /// <summary>Numeric values sit at their value; anything else at 0, 1, 2, … in first-seen order with its text as the label.</summary>
    private static (Dictionary<string, double> Positions, List<string>? Labels) Axis(IEnumerable<string> values)
    {
        var distinct = values.Distinct().ToList();
        if (distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return (distinct.ToDictionary(v => v, v => double.Parse(v, CultureInfo.InvariantCulture)), null);
        return (distinct.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => (double)p.i), distinct);
    }
}
