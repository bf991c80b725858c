using System.Globalization;
using System.Text.Json;
using HwDsl.Experiments;

namespace HwDsl.Reports;

/// <summary>One run folder as the report reads it: its results row, per-epoch metrics, deployed evaluations and exports.</summary>
public sealed class RunData
{
    private readonly Lazy<IReadOnlyDictionary<string, NpyArray>> _weights, _deployed;

    private RunData(string path, IReadOnlyDictionary<string, object?> results, string status, CsvTable? metrics, CsvTable? evaluations)
    {
        Path = path;
        Results = results;
        Status = status;
        Metrics = metrics;
        Evaluations = evaluations;
        _weights = new(() => Arrays("weights.npz"));
        _deployed = new(() => Arrays("deployed.npz"));
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The results row (empty while a run has none yet); numbers are doubles.</summary>
    public IReadOnlyDictionary<string, object?> Results { get; }

    /// <summary>run.json's status (<c>running</c>, <c>completed</c>, <c>cancelled</c>, …).</summary>
    public string Status { get; }

    /// <summary>metrics.csv, or null.</summary>
    public CsvTable? Metrics { get; }

    /// <summary>evaluations.csv, or null.</summary>
    public CsvTable? Evaluations { get; }

    /// <summary>The experiment name (results, else the folder's name).</summary>
    public string Name => Text("name") ?? System.IO.Path.GetFileName(Path);

    /// <summary>A results value as text, or null.</summary>
    public string? Text(string key) => Results.TryGetValue(key, out var v) && v is not null
        ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    /// <summary>A results value as a number, NaN when missing or null.</summary>
    public double Number(string key) => Results.TryGetValue(key, out var v) && v is double d ? d : double.NaN;

    /// <summary>True when the results say this was a <c>--quick</c> smoke test.</summary>
    public bool SmokeTest => Results.TryGetValue("smoke_test", out var v) && v is true;

    /// <summary>weights.npz by key (empty when absent).</summary>
    public IReadOnlyDictionary<string, NpyArray> Weights => _weights.Value;

    /// <summary>deployed.npz by key (empty when absent).</summary>
    public IReadOnlyDictionary<string, NpyArray> Deployed => _deployed.Value;

    /// <summary>True when <paramref name="folder"/> is a run folder (it has a run.json).</summary>
    public static bool IsRunFolder(string folder) => File.Exists(System.IO.Path.Combine(folder, "run.json"));

    /// <summary>Reads a run folder; a file that is missing is simply not shown, one that cannot be read is an error naming it.</summary>
    public static RunData Load(string folder)
    {
        var results = new Dictionary<string, object?>(StringComparer.Ordinal);
        var resultsPath = System.IO.Path.Combine(folder, "results.json");
        if (File.Exists(resultsPath))
        {
            using var doc = Parse(resultsPath);
            var row = doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.GetArrayLength() > 0 ? doc.RootElement[0] : doc.RootElement;
            if (row.ValueKind == JsonValueKind.Object)
                foreach (var p in row.EnumerateObject()) results[p.Name] = Value(p.Value);
        }
        var status = "unknown";
        using (var run = Parse(System.IO.Path.Combine(folder, "run.json")))
            if (run.RootElement.ValueKind == JsonValueKind.Object && run.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String)
                status = s.GetString()!;
        return new RunData(folder, results, status,
            CsvTable.Load(System.IO.Path.Combine(folder, "metrics.csv")), CsvTable.Load(System.IO.Path.Combine(folder, EvaluationLog.File)));
    }

    private IReadOnlyDictionary<string, NpyArray> Arrays(string file)
    {
        var path = System.IO.Path.Combine(Path, file);
        if (!File.Exists(path)) return new Dictionary<string, NpyArray>();
        try { return NpzFile.Read(path).ToDictionary(a => a.Name, StringComparer.Ordinal); }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ReportException($"{path}: cannot be read as .npz ({e.Message}).");
        }
    }

    private static JsonDocument Parse(string path)
    {
        try { return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new ReportException($"{path}: not valid JSON ({e.Message})."); }
    }

    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        // Older files wrote NaN and ∞ as named literals.
        JsonValueKind.String => e.GetString() is "NaN" or "Infinity" or "-Infinity" ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
