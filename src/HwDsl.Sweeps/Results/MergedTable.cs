using System.Text.Json;

namespace HwDsl.Sweeps;

/// <summary>
/// All points of a sweep in one table: per row the point, its parameters, its status, the metrics of one result
/// file and that file's run-record folder. Rows follow the manifest (then result-file path), never the order in
/// which points finished, so the same results always give the same bytes.
/// </summary>
public sealed record MergedTable(IReadOnlyList<string> Parameters, IReadOnlyList<string> Metrics, IReadOnlyList<MergedRow> Rows)
{
    /// <summary>The CSV header.</summary>
    public IReadOnlyList<string> Columns => ["point", .. Parameters, "status", "exit_code", .. Metrics, "run_record", "log", "reason"];

    /// <summary>The CSV cells of each row, in <see cref="Columns"/> order.</summary>
    public IEnumerable<IReadOnlyList<object?>> Cells() => Rows.Select(r => (IReadOnlyList<object?>)
    [
        r.Point, .. Parameters.Select(p => r.Parameters.GetValueOrDefault(p)), r.Status, r.ExitCode,
        .. Metrics.Select(m => r.Metrics.TryGetValue(m, out var v) ? Text(v) : null), r.RunRecord, r.Log, r.Reason,
    ]);

    private static string Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
}
