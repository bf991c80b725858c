using System.Text.Json;

namespace HwDsl.Reports;

/// <summary>A sweep folder as the report reads it: the swept parameters (sweep.json) and the merged table (results.csv).</summary>
public sealed record SweepData(string Path, string Name, IReadOnlyList<string> Parameters, CsvTable Table)
{
    /// <summary>The file that marks a sweep folder.</summary>
    public const string Manifest = "sweep.json";

    /// <summary>True when <paramref name="folder"/> holds a sweep manifest.</summary>
    public static bool IsSweepFolder(string folder) => File.Exists(System.IO.Path.Combine(folder, Manifest));

    /// <summary>Reads a sweep folder; without a merged table yet, says how to make one.</summary>
    public static SweepData Load(string folder)
    {
        var manifest = System.IO.Path.Combine(folder, Manifest);
        string name;
        List<string> parameters;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            name = doc.RootElement.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            parameters = doc.RootElement.TryGetProperty("parameters", out var p) ? [.. p.EnumerateArray().Select(e => e.GetString()!)] : [];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ReportException($"{manifest}: not a sweep manifest ({e.Message}).");
        }
        var table = CsvTable.Load(System.IO.Path.Combine(folder, "results.csv"))
            ?? throw new ReportException($"{folder}: the sweep has no merged table yet; run 'hwdsl sweep collect {folder}' first.");
        return new SweepData(folder, name, parameters, table);
    }
}
