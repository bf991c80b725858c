using System.Text.Json;
using System.Text.RegularExpressions;

namespace HwDsl.Reports.Tests;

/// <summary>Opens a report in headless Chromium and checks what a reader would see: no console errors, a screenshot that is
/// not blank, and every expected figure drawn with both axis labels, numeric ticks and data marks.</summary>
internal static partial class BrowserCheck
{
    // Per figure: its size, every text of its SVG, and how many shapes inside the plot area's clip path have a size.
    private const string Probe = """
        JSON.stringify([...document.querySelectorAll('figure[data-figure]')].map(f => {
          const svg = f.querySelector('svg'); const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
          const marks = svg ? [...svg.querySelectorAll('g[clip-path] *')].filter(e => e.getBBox && (e.getBBox().width > 0 || e.getBBox().height > 0)).length : 0;
          return { id: f.dataset.figure, width: box.width, height: box.height, x: f.dataset.xLabel, y: f.dataset.yLabel,
                   series: +f.dataset.series, points: +f.dataset.points, marks, texts: svg ? [...svg.querySelectorAll('text')].map(t => t.textContent) : [] };
        }))
        """;

    /// <summary>Checks <paramref name="html"/>; returns the screenshot's path (saved beside the report) and the figures by id.</summary>
    public static async Task<(string Screenshot, Dictionary<string, JsonElement> Figures)> RunAsync(string html, IEnumerable<string> expected)
    {
        await using var chrome = await Chromium.StartAsync();
        await chrome.OpenAsync(html);
        using var doc = JsonDocument.Parse(await chrome.EvaluateAsync(Probe));
        var figures = doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.Clone());
        var png = await chrome.ScreenshotAsync();
        var shot = Path.ChangeExtension(html, ".png");
        await File.WriteAllBytesAsync(shot, png);
        Assert.True(chrome.Problems.Count == 0, "the page logged problems:\n" + string.Join("\n", chrome.Problems));

        var (width, height, rgb) = Png.Decode(png);
        Assert.True(width >= 1000 && height >= 600, $"screenshot is {width}×{height}");
        long ink = 0;
        var colours = new HashSet<int>();
        for (var i = 0; i < rgb.Length; i += 3)
        {
            if (rgb[i] < 235 || rgb[i + 1] < 235 || rgb[i + 2] < 235) ink++;
            if (colours.Count < 1000) colours.Add(rgb[i] << 16 | rgb[i + 1] << 8 | rgb[i + 2]);
        }
        Assert.True(ink > width * height / 50, $"screenshot {shot} is nearly blank: {ink} of {width * height} pixels not white");
        Assert.True(colours.Count > 20, $"screenshot {shot} has only {colours.Count} colours");

        foreach (var id in expected)
        {
            Assert.True(figures.TryGetValue(id, out var f), $"figure '{id}' missing; the report has: {string.Join(", ", figures.Keys)}");
            Assert.True(f.GetProperty("width").GetDouble() > 300 && f.GetProperty("height").GetDouble() > 200, $"figure '{id}' is not drawn at size: {f}");
            var texts = f.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!.Trim()).ToList();
            Assert.Contains(f.GetProperty("x").GetString()!, texts);
            Assert.Contains(f.GetProperty("y").GetString()!, texts);
            Assert.True(texts.Count(t => Tick().IsMatch(t)) >= 2, $"figure '{id}' has fewer than two numeric tick labels: {string.Join(" | ", texts)}");
            Assert.True(f.GetProperty("points").GetInt32() > 0 && f.GetProperty("marks").GetInt32() > 0, $"figure '{id}' draws no data: {f}");
        }
        return (shot, figures);
    }

    [GeneratedRegex(@"^[−\-]?[\d.,]+(e[+\-]?\d+)?( %)?$")]
    private static partial Regex Tick();
}
