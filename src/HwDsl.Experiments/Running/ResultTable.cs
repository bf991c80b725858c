using System.Globalization;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>Experiment results as a Markdown table: what scripts print and save, and how the REPL shows a result.</summary>
public static class ResultTable
{
    /// <summary>One row per result: name, mode, seed, epochs, float accuracy, deployed mean ± sd, Δ against the first float row, speed, completed.</summary>
    public static string Markdown(IEnumerable<ExperimentResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.ToArray();
        var inv = CultureInfo.InvariantCulture;
        var baseline = rows.FirstOrDefault(r => r.Mode == TrainingMode.Float)?.FloatAccuracy ?? double.NaN;
        var lines = new List<string>
        {
            "| experiment | mode | seed | epochs | float acc. | deployed acc. | Δ vs float (pp) | samples/s | completed |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|",
        };
        foreach (var r in rows)
        {
            var deployed = r.Deployed.Count == 0 ? "–"
                : r.Deployed.Count == 1 ? string.Create(inv, $"{r.DeployedMean * 100:F2} %")
                : string.Create(inv, $"{r.DeployedMean * 100:F2} ± {r.DeployedSd * 100:F2} %");
            var delta = double.IsNaN(baseline) || r.Mode == TrainingMode.Float ? "–" : ((r.Accuracy - baseline) * 100).ToString("+0.00;-0.00", inv);
            lines.Add(string.Create(inv,
                $"| {r.Name} | {r.Mode} | {r.Seed} | {r.Training.Epochs.Count} | {r.FloatAccuracy * 100:F2} % | {deployed} | {delta} | {r.Training.SamplesPerSecond:N0} | {(r.Training.Completed ? "yes" : "no")} |"));
        }
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>One result as a table.</summary>
    public static string Markdown(ExperimentResult result) => Markdown([result]);
}
