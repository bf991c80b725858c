using System.Globalization;

namespace HwDsl.Reports;

/// <summary>The report of one run folder, or of a script's results folder with its runs: a table of the runs, then the
/// training, deployment, weight and conductance figures.</summary>
internal static class RunsReport
{
    public static HtmlPage Build(string title, IReadOnlyList<RunData> runs)
    {
        var page = new HtmlPage(title);
        if (runs.Any(r => r.SmokeTest)) page.SmokeBanner();
        page.Heading("Runs");
        page.Table(["run", "status", "mode", "gradient", "seed", "epochs", "software acc.", "float baseline", "deployed acc.", "deployed on", "energy/inference", "latency", "area", "samples/s", "folder"],
            runs.Select(r => (IReadOnlyList<string>)
            [
                r.Name, r.Status + (r.SmokeTest ? " (smoke test)" : ""), r.Text("mode") ?? "", r.Text("weight_gradient") ?? "", r.Text("seed") ?? "",
                r.Text("epochs_completed") ?? "", Percent(r.Number("software_accuracy")), Percent(r.Number("float_baseline_accuracy")),
                Deployed(r), r.Text("deployed_on") ?? "", Scaled(r.Number("energy_per_inference_j"), 1e12, "pJ"),
                Scaled(r.Number("latency_per_inference_s"), 1e9, "ns"), Scaled(r.Number("area_mm2"), 1, "mm²"),
                Number(r.Number("samples_per_second"), "N0"), Path.GetFileName(r.Path),
            ]), "runs");
        page.Paragraph("software acc.: the trained weights evaluated in float (for a hardware-aware run its shadow weights); float baseline: the " +
            "float-trained network this run compares against, where known; deployed acc.: the hard deployed model, mean ± sd over noise samples or dies; " +
            "energy, latency and area per inference: the cost model over the declared tiles and periphery (technology in results.json).", "meta");

        var training = TrainingFigures.For(runs).ToList();
        if (training.Count > 0) { page.Heading("Training"); page.Grid(training); }
        var deployment = DeploymentFigures.For(runs).ToList();
        if (deployment.Count > 0) { page.Heading("Deployment"); page.Grid(deployment); }
        var cost = CostFigures.For(runs).ToList();
        if (cost.Count > 0) { page.Heading("Accuracy and cost"); page.Grid(cost); }
        foreach (var run in runs)
        {
            var weights = WeightFigures.For(run, runs.Count > 1).ToList();
            if (weights.Count == 0) continue;
            page.Heading(runs.Count > 1 ? $"Weights and conductances: {run.Name}" : "Weights and conductances");
            page.Grid(weights);
        }
        return page;
    }

    internal static string Percent(double v) => double.IsFinite(v) ? (100 * v).ToString("F2", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Scaled(double v, double scale, string unit) =>
        double.IsFinite(v) ? (v * scale).ToString("G4", CultureInfo.InvariantCulture) + " " + unit : "–";

    private static string Number(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Deployed(RunData r)
    {
        var mean = r.Number("deployed_accuracy_mean");
        if (!double.IsFinite(mean)) return "–";
        var sd = r.Number("deployed_accuracy_sd");
        return double.IsFinite(sd) && sd > 0 ? string.Create(CultureInfo.InvariantCulture, $"{100 * mean:F2} ± {100 * sd:F2} %") : Percent(mean);
    }
}
