using HwDsl.Sweeps;

namespace HwDsl.Cli.Sweeps;

/// <summary>Prints a sweep's progress (one line per start, finish or failure, with the counts and ETA) and its end.</summary>
internal static class SweepConsole
{
    private static readonly Lock Gate = new();

    public static void Progress(SweepProgress p)
    {
        if (p.Event is null) return;
        lock (Gate) Console.WriteLine($"[{p.Line()}] {p.Event}");
    }

    /// <summary>The merged table's location, a readable table and the points that did not finish; returns the exit code.</summary>
    public static int Finish(SweepFolder folder, IReadOnlyList<PointStatus> status)
    {
        var table = ResultMerger.Write(folder);
        Console.WriteLine();
        Console.Write(TextTable(table));
        Console.WriteLine();
        Console.WriteLine($"merged table: {Path.Combine(folder.Root, "results.csv")} (and results.json)");
        var bad = status.Where(s => s.Unfinished).ToList();
        if (bad.Count == 0)
        {
            Console.WriteLine($"all {status.Count} points done.");
            return 0;
        }
        Console.WriteLine($"{status.Count - bad.Count} of {status.Count} points done; not done:");
        foreach (var s in bad) Console.WriteLine(NotDone(s));
        Console.WriteLine($"run only these again: hwdsl sweep --resume --output {folder.Root}{(SlurmExecutor.Submissions(folder).Count > 0 ? " --on slurm" : "")}");
        return 1;
    }

    /// <summary>One line on a point that is not done: state, parameters, exit code, detail and log.</summary>
    public static string NotDone(PointStatus s) =>
        $"  {s.State,-10} {s.Point.Describe()}{(s.ExitCode is { } e ? $"  exit {e}" : "")}{(s.Detail is { } d ? $"  {d}" : "")}  log {s.Log}";

    /// <summary>Parameters, status and metrics as aligned columns (paths are in the CSV).</summary>
    public static string TextTable(MergedTable table)
    {
        string[] header = [.. table.Parameters, "status", .. table.Metrics];
        var rows = table.Rows.Select(r => (string[])
        [
            .. table.Parameters.Select(p => r.Parameters.GetValueOrDefault(p) ?? ""), r.Status,
            .. table.Metrics.Select(m => r.Metrics.TryGetValue(m, out var v) ? Short(v) : ""),
        ]).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var sb = new System.Text.StringBuilder();
        foreach (var line in rows.Prepend(header)) sb.AppendJoin("  ", line.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
        return sb.ToString();
    }

    // Numbers to 6 significant digits on screen; the CSV keeps them exactly.
    private static string Short(System.Text.Json.JsonElement v)
        => v.ValueKind == System.Text.Json.JsonValueKind.Number && v.TryGetDouble(out var d) ? d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)
            : v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : v.GetRawText();
}
