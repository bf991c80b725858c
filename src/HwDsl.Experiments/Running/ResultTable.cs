using System.Globalization;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>Experiment results as a Markdown table: what scripts print and save, and how the REPL shows a result.</summary>
public static class ResultTable
{
    /// <summary>The line that heads every table of a <c>--quick</c> run.</summary>
    public const string SmokeTestNote = "> **Smoke test (`--quick`)**: a small subset for an epoch or so; these numbers only show that the pipeline runs.";

    /// <summary>One row per result: name, mode, seed, epochs, software accuracy (the trained weights in float), deployed mean ± sd,
    /// Δ of the headline accuracy against the first float row (the float baseline), energy, latency and area per inference
    /// (the cost model), speed, completed; headed by the smoke-test note for --quick results.</summary>
    public static string Markdown(IEnumerable<ExperimentResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.ToArray();
        var inv = CultureInfo.InvariantCulture;
        var baseline = rows.FirstOrDefault(r => r.Mode == TrainingMode.Float)?.FloatAccuracy ?? double.NaN;
        var lines = new List<string>();
        if (rows.Any(r => r.SmokeTest)) lines.AddRange([SmokeTestNote, ""]);
        lines.AddRange(new[]
        {
            "| experiment | mode | seed | epochs | software acc. | deployed acc. | Δ vs float baseline (pp) | energy/inference | latency | area | samples/s | completed |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        });
        foreach (var r in rows)
        {
            var deployed = r.Deployed.Count == 0 ? "–"
                : r.Deployed.Count == 1 ? string.Create(inv, $"{r.DeployedMean * 100:F2} %")
                : string.Create(inv, $"{r.DeployedMean * 100:F2} ± {r.DeployedSd * 100:F2} %");
            var delta = double.IsNaN(baseline) || r.Mode == TrainingMode.Float ? "–" : ((r.Accuracy - baseline) * 100).ToString("+0.00;-0.00;0.00", inv);
            lines.Add(string.Create(inv,
                $"| {r.Name} | {r.Mode} | {r.Seed} | {r.Training.Epochs.Count} | {r.FloatAccuracy * 100:F2} % | {deployed} | {delta} | {Cost(r.Cost?.Energy, 1e12, "pJ")} | {Cost(r.Cost?.Latency, 1e9, "ns")} | {Cost(r.Cost?.Area, 1e6, "mm²")} | {r.Training.SamplesPerSecond:N0} | {(r.Training.Completed ? "yes" : "no")} |"));
        }
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>A cost figure in a readable unit (energy in pJ, latency in ns, area in mm²), or – where none was estimated.</summary>
    private static string Cost(double? value, double scale, string unit) =>
        value is { } v ? (v * scale).ToString("G4", CultureInfo.InvariantCulture) + " " + unit : "–";

    /// <summary>One result as a table.</summary>
    public static string Markdown(ExperimentResult result) => Markdown([result]);
}
