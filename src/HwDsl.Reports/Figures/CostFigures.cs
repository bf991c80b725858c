namespace HwDsl.Reports;

/// <summary>Accuracy against the cost model's energy per inference, with the Pareto front: for a sweep's points and for a
/// script's runs.</summary>
internal static class CostFigures
{
    /// <summary>One marker per point (energy in J, accuracy in the figure's unit), the points no other beats in both joined by a line.</summary>
    public static Figure EnergyAccuracy(IReadOnlyList<(double Energy, double Accuracy)> points, string yLabel, string what)
    {
        var pj = points.Select(p => (Energy: p.Energy * 1e12, p.Accuracy)).ToList();
        var chart = new Chart("energy-accuracy", "accuracy vs energy per inference", "energy per inference (pJ)", yLabel);
        chart.Points([.. pj.Select(p => p.Energy)], [.. pj.Select(p => p.Accuracy)], "points", 0);
        var front = pj.Where(p => !pj.Any(q => q.Energy <= p.Energy && q.Accuracy >= p.Accuracy && (q.Energy < p.Energy || q.Accuracy > p.Accuracy)))
            .OrderBy(p => p.Energy).ToList();
        chart.Line([.. front.Select(p => p.Energy)], [.. front.Select(p => p.Accuracy)], "Pareto front", 1);
        return chart.Render($"{what} at its energy per inference from the cost model; the line joins the points no other point beats in both.");
    }

    /// <summary>The figure for a script's runs: those with a deployed accuracy and an energy estimate (at least three), else none.</summary>
    public static IEnumerable<Figure> For(IReadOnlyList<RunData> runs)
    {
        var points = runs.Select(r => (Energy: r.Number("energy_per_inference_j"), Accuracy: 100 * r.Number("deployed_accuracy_mean")))
            .Where(p => double.IsFinite(p.Energy) && double.IsFinite(p.Accuracy)).ToList();
        if (points.Count >= 3) yield return EnergyAccuracy(points, "deployed accuracy (%)", "Each deployed run");
    }
}
