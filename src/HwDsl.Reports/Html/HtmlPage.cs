using System.Globalization;
using System.Net;
using System.Text;

namespace HwDsl.Reports;

/// <summary>
/// A self-contained HTML page: inline CSS, inline SVG figures, no script and no link to anything outside the file, so
/// it opens anywhere without a network. Each figure is a <c>&lt;figure data-figure="id"&gt;</c> with its counts as
/// data attributes (what the browser test checks).
/// </summary>
internal sealed class HtmlPage
{
    private const string Style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 24px auto; max-width: 1200px; color: #222; }
        h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
        .meta { color: #666; font-size: 13px; }
        .smoke { background: #fff3cd; border: 1px solid #e0c060; padding: 8px 12px; margin: 12px 0; font-weight: bold; }
        .grid { display: flex; flex-wrap: wrap; gap: 16px; }
        figure { margin: 0; width: 560px; } figcaption { font-size: 12px; color: #444; margin-top: 4px; }
        svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        table { border-collapse: collapse; font-size: 12px; margin: 8px 0; } th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: right; }
        th { background: #f2f2f2; } td.text, th.text { text-align: left; }
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlPage(string title) => _title = title;

    public List<Figure> Figures { get; } = [];

    public void Heading(string text, int level = 2) => _body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Escape(text)}</h{level}>\n");

    public void Paragraph(string text, string? cssClass = null)
        => _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Escape(text)).Append("</p>\n");

    /// <summary>The banner every table of a <c>--quick</c> run carries.</summary>
    public void SmokeBanner() => _body.Append("<div class=\"smoke\" data-smoke-test=\"true\">Smoke test (--quick): trained on a small subset for ")
        .Append("an epoch or so; these numbers only show that the pipeline runs and say nothing about the method.</div>\n");

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string id)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<table data-table=\"{Escape(id)}\"><tr>");
        foreach (var h in header) _body.Append("<th class=\"text\">").Append(Escape(h)).Append("</th>");
        _body.Append("</tr>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = double.TryParse(cell.TrimEnd('%', ' '), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                _body.Append(numeric ? "<td>" : "<td class=\"text\">").Append(Escape(cell)).Append("</td>");
            }
            _body.Append("</tr>\n");
        }
        _body.Append("</table>\n");
    }

    public void Grid(IEnumerable<Figure> figures)
    {
        _body.Append("<div class=\"grid\">\n");
        foreach (var f in figures)
        {
            Figures.Add(f);
            // The SVG's XML declaration is not allowed inside HTML.
            var svg = f.Svg[(f.Svg.IndexOf("<svg", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..];
            _body.Append(CultureInfo.InvariantCulture,
                $"<figure data-figure=\"{Escape(f.Id)}\" data-series=\"{f.Series}\" data-points=\"{f.Points}\" data-x-label=\"{Escape(f.XLabel)}\" data-y-label=\"{Escape(f.YLabel)}\">\n");
            _body.Append(svg).Append('\n');
            _body.Append("<figcaption>").Append(Escape(f.Caption)).Append("</figcaption></figure>\n");
        }
        _body.Append("</div>\n");
    }

    public string Render(string generated) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Escape(_title)}</title>
        <meta name="generator" content="hwdsl report">
        <style>
        {Style}</style></head>
        <body>
        <h1>{Escape(_title)}</h1>
        <p class="meta">{Escape(generated)}</p>
        {_body}</body></html>

        """;

    public static string Escape(string s) => WebUtility.HtmlEncode(s);
}
