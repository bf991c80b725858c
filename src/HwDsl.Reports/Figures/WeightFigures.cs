using System.Globalization;
using System.Text.RegularExpressions;
using HwDsl.Experiments;

namespace HwDsl.Reports;

/// <summary>Per layer of a deployed run: histograms of the float (shadow) weights vs the deployed effective weights, and of
/// the programmed conductances (G⁺ and G⁻, or G and the reference), from weights.npz and deployed.npz (sample 0).</summary>
internal static partial class WeightFigures
{
    private const int Bins = 60;

    public static IEnumerable<Figure> For(RunData run, bool named)
    {
        if (run.Deployed.Count == 0 || run.Weights.Count == 0) yield break;
        var sample = run.Deployed.Keys.Select(k => SampleKey().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Min();
        var layers = run.Weights.Keys.Select(k => LayerKey().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order();
        var prefix = named ? $"{DeploymentFigures.Slug(run.Name)}-" : "";
        var title = named ? $" ({run.Name})" : "";
        foreach (var layer in layers)
        {
            var stem = $"s{sample}.layer{layer}.";
            var tiles = run.Deployed.Keys.Where(k => k.StartsWith(stem, StringComparison.Ordinal)).ToList();
            double[] Join(string suffix) => [.. tiles.Where(k => k.EndsWith("." + suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).SelectMany(k => run.Deployed[k].ToDoubles())];
            var effective = Join("effective");
            if (effective.Length == 0 || !run.Weights.TryGetValue($"layer{layer}.weights", out var w)) continue;
            var shadow = w.ToDoubles();
            var chart = new Chart($"weights-{prefix}layer{layer}", $"Layer {layer} weights{title}", "weight", "count");
            Histograms(chart, [(shadow, "float (shadow) weights"), (effective, "deployed effective weights")]);
            yield return chart.Render($"Dense layer {layer} ({w.Shape[0]}×{w.Shape[1]}): the trained float weights and the effective weights " +
                $"w_max·(G⁺ − G⁻) the deployed network computes with (sample {sample}), {Bins} bins over the joint range; the deployed ones sit on the device's levels.");

            var (plus, minus) = Join("g_plus") is { Length: > 0 } gp ? (gp, Join("g_minus")) : (Join("g"), Join("g_reference"));
            if (plus.Length == 0) continue;
            var pair = Join("g_plus").Length > 0;
            var g = new Chart($"conductances-{prefix}layer{layer}", $"Layer {layer} programmed conductances{title}", "conductance (G / Gmax)", "devices");
            Histograms(g, pair ? [(plus, "G⁺"), (minus, "G⁻")] : [(plus, "G"), (minus, "reference")]);
            yield return g.Render($"The conductances programmed into layer {layer}'s {(pair ? "differential pairs" : "elements")} (targets of the " +
                "level each weight was programmed to, normalized to the positive element's Gmax), sample " + sample.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    private static void Histograms(Chart chart, IReadOnlyList<(double[] Values, string Label)> sets)
    {
        var all = sets.SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
        if (all.Length == 0) return;
        var (low, high) = (all.Min(), all.Max());
        if (high <= low) (low, high) = (low - 0.5, high + 0.5);
        for (var i = 0; i < sets.Count; i++)
        {
            var h = ScottPlot.Statistics.Histogram.WithBinCount(Bins, low, high + (high - low) * 1e-6);
            h.AddRange(sets[i].Values.Where(double.IsFinite));
            chart.Plot.Add.Histogram(h, Chart.Colour(i).WithAlpha(0.55));
            chart.LegendItem(sets[i].Label, Chart.Colour(i).WithAlpha(0.55));
            chart.Count(1, sets[i].Values.Length);
        }
    }

    [GeneratedRegex(@"^s(\d+)\.")]
    private static partial Regex SampleKey();

    [GeneratedRegex(@"^layer(\d+)\.weights$")]
    private static partial Regex LayerKey();
}
