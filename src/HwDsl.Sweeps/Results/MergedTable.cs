using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>
    /// The rows as flat JSON objects with the CSV's columns (what <c>pandas.read_json</c> reads as this table): metrics keep
    /// their JSON type, parameters that are numbers become numbers, a value a row does not have is null.
    /// </summary>
    public JsonArray Records()
    {
        var array = new JsonArray();
        foreach (var r in Rows)
        {
            var o = new JsonObject { ["point"] = r.Point };
            foreach (var p in Parameters) o[p] = r.Parameters.TryGetValue(p, out var v) ? Parameter(v) : null;
            o["status"] = r.Status;
            o["exit_code"] = r.ExitCode;
            foreach (var m in Metrics) o[m] = r.Metrics.TryGetValue(m, out var v) ? JsonNode.Parse(v.GetRawText()) : null;
            o["run_record"] = r.RunRecord;
            o["log"] = r.Log;
            o["reason"] = r.Reason;
            array.Add(o);
        }
        return array;
    }

    private static JsonNode Parameter(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(value);

    private static string Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
}
