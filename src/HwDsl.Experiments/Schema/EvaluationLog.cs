using System.Globalization;

namespace HwDsl.Experiments;

/// <summary>
/// <c>evaluations.csv</c> of a run folder: one row per deployed evaluation (<c>read_seconds,sample,die,accuracy</c>; die
/// or sample empty when it does not apply). Evaluating the same run again at another read time adds its rows, and at the
/// same read time replaces them, so a device read over time leaves its accuracy-vs-time curve here.
/// </summary>
public static class EvaluationLog
{
    /// <summary>The file name.</summary>
    public const string File = "evaluations.csv";

    private static readonly string[] Header = ["read_seconds", "sample", "die", "accuracy"];

    /// <summary>Records <paramref name="accuracies"/> (per sample, or per die when <paramref name="dies"/>) read at <paramref name="seconds"/>.</summary>
    public static void Record(string runFolder, double seconds, IReadOnlyList<double> accuracies, bool dies)
    {
        ArgumentNullException.ThrowIfNull(accuracies);
        if (accuracies.Count == 0 || string.IsNullOrEmpty(runFolder) || !Directory.Exists(runFolder)) return;
        var path = Path.Combine(runFolder, File);
        var key = seconds.ToString("R", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<object?>>();
        if (System.IO.File.Exists(path))
            foreach (var line in System.IO.File.ReadLines(path).Skip(1))
            {
                var cells = line.Split(',');
                if (cells.Length == 4 && cells[0] != key) rows.Add(cells);
            }
        for (var i = 0; i < accuracies.Count; i++)
            rows.Add([seconds, dies ? null : i, dies ? i : null, accuracies[i]]);
        RunFolder.WriteAtomic(path, RunFolder.Csv(Header, rows.OrderBy(r => double.Parse(Text(r[0]), CultureInfo.InvariantCulture))));
    }

    private static string Text(object? cell) => cell switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => cell?.ToString() ?? "",
    };
}
