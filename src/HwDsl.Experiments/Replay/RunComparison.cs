using System.Globalization;
using System.Text.Json;

namespace HwDsl.Experiments;

/// <summary>
/// Compares two run folders' numbers bit for bit: every metrics.csv cell except the timing columns (samples/s, train
/// seconds), and every number in results.json except throughput. Values are compared as their round-trip text, which is
/// exact for doubles.
/// </summary>
public static class RunComparison
{
    private static readonly string[] Timing = ["samples_per_second", "train_seconds"];

    /// <summary>The number of values compared, and one line per difference.</summary>
    public static (int Compared, IReadOnlyList<string> Differences) Compare(string recorded, string replayed)
    {
        var differences = new List<string>();
        var compared = 0;
        var (a, b) = (Read(Path.Combine(recorded, "metrics.csv")), Read(Path.Combine(replayed, "metrics.csv")));
        if (a.Count != b.Count) differences.Add($"metrics.csv: {a.Count - 1} epoch(s) recorded, {b.Count - 1} replayed");
        else if (a.Count > 0)
        {
            var header = a[0].Split(',');
            for (var row = 1; row < a.Count; row++)
            {
                var (x, y) = (a[row].Split(','), b[row].Split(','));
                for (var col = 0; col < header.Length; col++)
                {
                    if (Timing.Contains(header[col])) continue;
                    compared++;
                    if (col >= x.Length || col >= y.Length || x[col] != y[col])
                        differences.Add($"metrics.csv epoch {row} {header[col]}: recorded {Cell(x, col)}, replayed {Cell(y, col)}");
                }
            }
        }
        var (ra, rb) = (Numbers(Path.Combine(recorded, "results.json")), Numbers(Path.Combine(replayed, "results.json")));
        foreach (var (key, value) in ra)
        {
            if (key.Contains("SamplesPerSecond", StringComparison.OrdinalIgnoreCase) || key.Contains("samples_per", StringComparison.OrdinalIgnoreCase)
                || key.Contains("Time", StringComparison.Ordinal) || key.Contains("Elapsed", StringComparison.Ordinal) || key.Contains("Remaining", StringComparison.Ordinal)
                || key.Contains("seconds", StringComparison.OrdinalIgnoreCase) || key.EndsWith("RunFolder", StringComparison.OrdinalIgnoreCase)
                || key.EndsWith("run_folder", StringComparison.OrdinalIgnoreCase)) continue;
            compared++;
            if (!rb.TryGetValue(key, out var other)) differences.Add($"results.json {key}: recorded {value}, missing in the replay");
            else if (other != value) differences.Add($"results.json {key}: recorded {value}, replayed {other}");
        }
        return (compared, differences);
    }

    private static string Cell(string[] row, int col) => col < row.Length ? row[col] : "(none)";

    private static List<string> Read(string path) => File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : [];

    private static Dictionary<string, string> Numbers(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        void Walk(JsonElement e, string at)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value, at.Length == 0 ? p.Name : $"{at}.{p.Name}");
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var x in e.EnumerateArray()) Walk(x, $"{at}[{i++}]");
                    break;
                case JsonValueKind.Number:
                    values[at] = e.GetDouble().ToString("R", CultureInfo.InvariantCulture);
                    break;
                case JsonValueKind.String or JsonValueKind.True or JsonValueKind.False:
                    values[at] = e.ToString();
                    break;
            }
        }
        Walk(doc.RootElement, "");
        return values;
    }
}
