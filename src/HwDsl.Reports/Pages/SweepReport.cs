namespace HwDsl.Reports;

/// <summary>The report of a sweep folder: the merged table and the metric against the swept parameters.</summary>
internal static class SweepReport
{
    private const int MaxTableRows = 500;

    public static HtmlPage Build(SweepData sweep)
    {
        var page = new HtmlPage($"Sweep {sweep.Name}");
        var t = sweep.Table;
        if (t.Has("smoke_test") && t.Rows.Any(r => t.Cell(r, "smoke_test") == "true")) page.SmokeBanner();
        var metric = SweepFigures.Metric(sweep);
        var done = t.Rows.Count(r => t.Cell(r, "status") == "done");
        page.Paragraph($"{t.Rows.Count} row(s), {done} done; swept: {string.Join(", ", sweep.Parameters)}; shown: {metric ?? "no numeric metric"}.", "meta");
        var figures = SweepFigures.For(sweep).ToList();
        if (figures.Count > 0) { page.Heading("Figures"); page.Grid(figures); }
        page.Heading("Merged table");
        var extra = new[] { metric, "software_accuracy", SweepFigures.EnergyColumn(sweep), "result_mode", "smoke_test" }.OfType<string>().Where(t.Has).Distinct();
        string[] columns = ["point", .. sweep.Parameters, "status", .. extra];
        page.Table(columns, t.Rows.Take(MaxTableRows).Select(r => (IReadOnlyList<string>)[.. columns.Select(c => t.Cell(r, c))]), "sweep");
        if (t.Rows.Count > MaxTableRows) page.Paragraph($"… and {t.Rows.Count - MaxTableRows} more rows in results.csv.", "meta");
        return page;
    }
}
