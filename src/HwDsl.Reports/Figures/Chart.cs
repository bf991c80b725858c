using ScottPlot;

namespace HwDsl.Reports;

/// <summary>A ScottPlot plot with the report's look, rendered to SVG as a <see cref="Figure"/>.</summary>
internal sealed class Chart
{
    public const int Width = 560, Height = 340;

    // Tableau 10, ScottPlot's default palette, named here so series keep their colour across figures of one report.
    private static readonly Color[] Palette = [.. new ScottPlot.Palettes.Category10().Colors];

    private readonly string _id, _title, _x, _y;
    private readonly List<LegendItem> _legend = [];
    private int _series, _points;

    public Chart(string id, string title, string xLabel, string yLabel)
    {
        (_id, _title, _x, _y) = (id, title, xLabel, yLabel);
        Plot = new Plot();
        Plot.Font.Set("DejaVu Sans");
        Plot.Title(title, 14);
        Plot.XLabel(xLabel, 13);
        Plot.YLabel(yLabel, 13);
    }

    public Plot Plot { get; }

    public static Color Colour(int i) => Palette[i % Palette.Length];

    /// <summary>Counts what the figure draws (the browser test checks it is there).</summary>
    public void Count(int series, int points)
    {
        _series += series;
        _points += points;
    }

    /// <summary>A line with markers, or a thin, lighter one for a secondary series; NaN points are left out. (No dash
    /// patterns: the SVG backend cannot draw them, drew them solid and logged "Unsupported path effect" for each.)</summary>
    public void Line(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, int colour, bool secondary = false)
    {
        var keep = Enumerable.Range(0, Math.Min(xs.Count, ys.Count)).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i])).ToArray();
        if (keep.Length == 0) return;
        var s = Plot.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), Colour(colour));
        s.LegendText = label;
        s.LineWidth = 2;
        s.MarkerSize = keep.Length > 40 ? 0 : 6;
        if (secondary)
        {
            s.LineWidth = 1;
            s.Color = s.Color.WithAlpha(0.6);
        }
        Count(1, keep.Length);
    }

    /// <summary>Markers without a line (a scatter); NaN points are left out.</summary>
    public void Points(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, int colour)
    {
        var keep = Enumerable.Range(0, Math.Min(xs.Count, ys.Count)).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i])).ToArray();
        if (keep.Length == 0) return;
        var s = Plot.Add.ScatterPoints(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), Colour(colour));
        s.LegendText = label;
        s.MarkerSize = 7;
        Count(1, keep.Length);
    }

    /// <summary>
    /// Ticks on the whole numbers 1..<paramref name="last"/> only (epochs): ScottPlot's automatic ticks put 1.2, 1.4, … on a
    /// short run. About ten ticks at most: every k-th epoch on a long run.
    /// </summary>
    public void WholeNumberTicksX(int last)
    {
        if (last < 1) return;
        var step = (int)Math.Ceiling(last / 10.0);
        var ticks = Enumerable.Range(0, last / step + 1).Select(k => Math.Max(1, k * step)).Where(t => t <= last).Distinct().ToArray();
        Plot.Axes.Bottom.SetTicks([.. ticks.Select(t => (double)t)], [.. ticks.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    /// <summary>A legend entry for a plottable that has no legend text of its own (histogram bars).</summary>
    public void LegendItem(string label, Color fill) => _legend.Add(new LegendItem { LabelText = label, FillColor = fill });

    public Figure Render(string caption, bool legend = true)
    {
        if (_legend.Count > 0) Plot.ShowLegend(_legend, Alignment.UpperRight);
        else if (legend && _series > 1) Plot.ShowLegend(Alignment.LowerRight);
        return new Figure(_id, _title, _x, _y, _series, _points, Plot.GetSvgXml(Width, Height), caption);
    }
}
