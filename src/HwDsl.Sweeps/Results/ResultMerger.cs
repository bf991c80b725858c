using System.Text.Json;
using HwDsl.Compiler;
using HwDsl.Experiments;

namespace HwDsl.Sweeps;

/// <summary>
/// Builds the merged table from what points left on disk. A point's metrics are every <c>results.json</c> under its
/// folder — the one <c>ExperimentRunner</c> writes into each run folder, or one the script writes into
/// <c>Output</c> itself — each a JSON object (or an array of objects) whose top-level numbers, strings and booleans
/// become columns; the folder holding the file is the row's run record. A point without such a file still gives
/// one row (its status, no metrics), so the table always lists every point; a results.json that is not JSON makes the
/// row's status <c>unreadable result</c> with the file as its log.
/// </summary>
public static class ResultMerger
{
    private static readonly string[] Fixed = ["point", "status", "exit_code", "run_record", "log", "reason"];

    /// <summary>Merges the sweep's results as they are now.</summary>
    public static MergedTable Merge(SweepFolder folder)
    {
        var manifest = folder.Manifest;
        var rows = new List<MergedRow>();
        var metrics = new List<string>();
        foreach (var point in manifest.Points)
        {
            var record = folder.Record(point);
            var status = record is null ? (folder.Started(point) ? "incomplete" : "not run") : record.Succeeded ? "done" : "failed";
            var parameters = point.Values.ToDictionary(v => v.Name, v => v.Value);
            var dir = folder.PointDir(point);
            var log = folder.Relative(Path.Combine(dir, record is { Succeeded: false } ? "stderr.log" : "stdout.log"));
            var results = record is { Succeeded: true } ? ResultFiles(dir, [.. Fixed, .. manifest.Parameters]) : [];
            if (results.FindIndex(r => r.Values is null) is var unreadable and >= 0)
            {
                // The point ran but left a file no one can read: say so in its row rather than stop the whole merge.
                rows.Add(new MergedRow(point.Id, parameters, "unreadable result", record!.ExitCode, new Dictionary<string, JsonElement>(), null, folder.Relative(results[unreadable].File)));
                continue;
            }
            if (results.Count == 0)
                rows.Add(new MergedRow(point.Id, parameters, status, record?.ExitCode, new Dictionary<string, JsonElement>(), null, log,
                    status is "failed" or "incomplete" ? PointRuns.Reason(dir) : null));
            foreach (var (file, values) in results)
            {
                foreach (var name in values!.Keys.Where(n => !metrics.Contains(n))) metrics.Add(name);
                rows.Add(new MergedRow(point.Id, parameters, status, record!.ExitCode, values, folder.Relative(Path.GetDirectoryName(file)!), log));
            }
        }
        return new MergedTable(manifest.Parameters, metrics, rows);
    }

    /// <summary>Writes <c>results.csv</c> and <c>results.json</c> (the same flat rows, see <see cref="MergedTable.Records"/>) into the
    /// sweep folder (atomically) and returns the table.</summary>
    public static MergedTable Write(SweepFolder folder)
    {
        var table = Merge(folder);
        SweepFolder.WriteText(Path.Combine(folder.Root, "results.csv"), RunFolder.Csv(table.Columns, table.Cells()));
        SweepFolder.WriteText(Path.Combine(folder.Root, "results.json"), table.Records().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return table;
    }

    // A file that is not JSON comes back with null values.
    private static List<(string File, Dictionary<string, JsonElement>? Values)> ResultFiles(string dir, string[] taken)
    {
        var found = new List<(string, Dictionary<string, JsonElement>?)>();
        var files = Directory.EnumerateFiles(dir, "results.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true }); }
            catch (JsonException) { found.Add((file, null)); continue; }
            using (doc)
            {
                IEnumerable<JsonElement> objects = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray() : [doc.RootElement];
                foreach (var o in objects.Where(o => o.ValueKind == JsonValueKind.Object))
                    found.Add((file, o.EnumerateObject()
                        .Where(p => p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
                        .ToDictionary(p => taken.Contains(p.Name) ? "result_" + p.Name : p.Name, p => p.Value.Clone())));
            }
        }
        return found;
    }
}
