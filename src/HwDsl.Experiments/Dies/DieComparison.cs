using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Borders et al. 2023's comparison: the software baseline (binary network on ideal devices), naive (defect-free
/// training, deployed on every die), statistics-aware (one set of weights trained on fresh die samples, never the
/// evaluation dies) and per-die (trained on one die's map, evaluated everywhere and on its own die).
/// </summary>
public static class DieComparison
{
    /// <summary>
    /// Runs every mode of <paramref name="experiment"/> (its hardware must declare the defect statistics; its training sets
    /// optimizer and epochs, not the mode) over <paramref name="dies"/> with <paramref name="run"/>
    /// (e.g. <c>ExperimentRunner.Run</c> or a script's <c>Run</c>), training per-die for the dies in <paramref name="perDie"/>.
    /// </summary>
    public static DieComparisonResult Run(ExperimentBuilder experiment, DiePopulation dies, IReadOnlyList<int> perDie,
        Func<ExperimentSpec, ExperimentResult> run, int everyBatches = 1, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(run);
        DieComparisonRow Row(string mode, Action<TrainingBuilder> training, bool onDies, int? die = null)
        {
            var variant = experiment.With(training);
            if (onDies) variant = variant.WithEvaluation(e => e.OnDies(dies));
            var result = run(variant.Build());
            var stats = DieStatistics.FromAccuracies(result.Deployed.Count > 0 ? result.Deployed : [result.FloatAccuracy]);
            var row = new DieComparisonRow(mode, stats, die, die is int d ? 1 - result.Deployed[d] : null, result);
            log?.Invoke($"{mode}: {stats}");
            return row;
        }

        var rows = new List<DieComparisonRow>
        {
            Row("software (no defects)", t => t.Float(), onDies: false),
            Row("naive", t => t.NaiveMapping(), onDies: true),
            Row($"statistics-aware (k={everyBatches})", t => t.StatisticsAware(everyBatches), onDies: true),
        };
        foreach (var d in perDie) rows.Add(Row($"per-die (die {d})", t => t.PerDie(d), onDies: true, die: d));
        return new DieComparisonResult(rows);
    }
}
