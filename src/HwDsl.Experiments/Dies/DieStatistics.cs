using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Misclassification error over a population of dies: per die, mean, sample sd, min, max and a histogram
/// (<see cref="Bins"/> equal bins over [min, max]).
/// </summary>
public sealed record DieStatistics(IReadOnlyList<double> Errors)
{
    /// <summary>Number of histogram bins.</summary>
    public const int Bins = 10;

    /// <summary>From per-die accuracies (error = 1 − accuracy).</summary>
    public static DieStatistics FromAccuracies(IEnumerable<double> accuracies) => new([.. accuracies.Select(a => 1 - a)]);

    /// <summary>Mean error over dies.</summary>
    public double Mean => Errors.Count == 0 ? double.NaN : Errors.Average();

    /// <summary>Sample standard deviation over dies (0 for one die).</summary>
    public double Sd => Errors.Count < 2 ? 0 : Math.Sqrt(Errors.Sum(e => (e - Mean) * (e - Mean)) / (Errors.Count - 1));

    /// <summary>Best die's error.</summary>
    public double Min => Errors.Min();

    /// <summary>Worst die's error.</summary>
    public double Max => Errors.Max();

    /// <summary>Counts of dies per bin, <see cref="Bins"/> equal bins from <see cref="Min"/> to <see cref="Max"/> (the last closed).</summary>
    public IReadOnlyList<int> Histogram()
    {
        var counts = new int[Bins];
        var width = (Max - Min) / Bins;
        foreach (var e in Errors) counts[width > 0 ? Math.Min(Bins - 1, (int)((e - Min) / width)) : 0]++;
        return counts;
    }

    /// <summary>One line: mean ± sd, [min, max] in percent.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"error {100 * Mean:F2} ± {100 * Sd:F2} % over {Errors.Count} dies (best {100 * Min:F2} %, worst {100 * Max:F2} %)");

    /// <summary>The histogram as text lines: <c>[lo, hi) %  count  ####</c>.</summary>
    public string HistogramText()
    {
        var counts = Histogram();
        var width = (Max - Min) / Bins;
        return string.Join("\n", counts.Select((c, i) =>
            FormattableString.Invariant($"  [{100 * (Min + i * width),6:F2}, {100 * (Min + (i + 1) * width),6:F2}) %  {c,3}  {new string('#', c)}")));
    }
}
