using System.Diagnostics;
using System.Text.Json;

namespace HwDsl.Experiments;

/// <summary>
/// What a run folder's <c>run.json</c> (and <c>results.json</c>, when there is one) says, read back for <c>hwdsl runs</c>,
/// sweep status, replay and resume. <see cref="State"/> is the status as it is now: a run still marked
/// <see cref="RunStatus.Running"/> whose process is gone (killed, machine rebooted) is <see cref="RunStatus.Interrupted"/>.
/// </summary>
public sealed record RunInfo(string Folder, string Status, string Name, string Mode, int Seed, string? Host, int? Pid, DateTime? ProcessStartUtc,
    DateTime? UpdatedUtc, string? FailureMessage, int? FailureEpoch, int? FailureBatch, int? Ordinal, string? InvocationId, JsonElement Json, double? Accuracy)
{
    /// <summary>The status now, with <see cref="RunStatus.Interrupted"/> for a running run whose process is gone.</summary>
    public string State => Status == RunStatus.Running && ProcessGone() ? RunStatus.Interrupted : Status;

    /// <summary>True when the run was made on this machine and its process (same pid, same start time) no longer runs. A run
    /// recorded on another host cannot be checked from here and is not called interrupted.</summary>
    public bool ProcessGone()
    {
        if (Pid is not { } pid || Host != Environment.MachineName) return false;
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.HasExited) return true;
            // Not the same process when the pid was reused by a later one.
            return ProcessStartUtc is { } started && Math.Abs((p.StartTime.ToUniversalTime() - started).TotalSeconds) > 2;
        }
        catch (ArgumentException) { return true; }
        catch (InvalidOperationException) { return true; }
    }

    /// <summary>The one-line reason of a failed or diverged run (with its epoch and batch), or null.</summary>
    public string? Reason => FailureMessage is null ? null
        : FailureEpoch is { } e ? $"{FailureMessage} (epoch {e}{(FailureBatch is { } b ? $", batch {b}" : ", after its batches")})" : FailureMessage;

    /// <summary>Reads <paramref name="folder"/>'s run.json; null when it has none or it is not readable JSON.</summary>
    public static RunInfo? Read(string folder)
    {
        var path = Path.Combine(folder, "run.json");
        if (!File.Exists(path)) return null;
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            root = doc.RootElement.Clone();
        }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
        if (root.ValueKind != JsonValueKind.Object) return null;
        var failure = Get(root, "failure");
        var invocation = Get(root, "invocation");
        return new RunInfo(Path.GetFullPath(folder), Str(root, "status") ?? "unknown", Str(root, "name") ?? Path.GetFileName(folder), Str(root, "mode") ?? "",
            Int(root, "seed") ?? 0, Str(root, "host"), Int(root, "pid"), Date(root, "process_start"), Date(root, "updated"),
            failure is { } f ? Str(f, "message") : null, failure is { } f2 ? Int(f2, "epoch") : null, failure is { } f3 ? Int(f3, "batch") : null,
            invocation is { } i ? Int(i, "ordinal") : null, invocation is { } i2 ? Str(i2, "id") : null, root, ReadAccuracy(folder));
    }

    /// <summary>Every run folder at or below <paramref name="root"/> (a run root, a script's output folder, a sweep), by path.</summary>
    public static IReadOnlyList<RunInfo> Find(string root)
    {
        if (!Directory.Exists(root)) return [];
        return [.. Directory.EnumerateFiles(root, "run.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Read(Path.GetDirectoryName(f)!)).OfType<RunInfo>()];
    }

    /// <summary>A member of an object (names compared without case, so either JSON naming reads).</summary>
    public static JsonElement? Get(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name.Replace("_", ""), name.Replace("_", ""), StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }

    internal static string? Str(JsonElement e, string name) => Get(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    internal static int? Int(JsonElement e, string name) => Get(e, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;

    private static DateTime? Date(JsonElement e, string name)
        => Str(e, name) is { } s && DateTime.TryParse(s, null, System.Globalization.DateTimeStyles.RoundtripKind, out var d) ? d.ToUniversalTime() : null;

    private static double? ReadAccuracy(string folder)
    {
        var path = Path.Combine(folder, "results.json");
        try
        {
            if (!File.Exists(path)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true });
            // results.json is a one-row table (an array of one object).
            var row = doc.RootElement is { ValueKind: JsonValueKind.Array } rows ? rows.EnumerateArray().FirstOrDefault() : doc.RootElement;
            return row.ValueKind == JsonValueKind.Object && Get(row, "accuracy") is { ValueKind: JsonValueKind.Number } a ? a.GetDouble() : null;
        }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
    }
}
