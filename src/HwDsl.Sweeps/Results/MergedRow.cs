using System.Text.Json;

namespace HwDsl.Sweeps;

/// <summary>One row of a <see cref="MergedTable"/>; paths are relative to the sweep folder. <see cref="Reason"/> says why a
/// failed or unfinished point stopped (a diverged or failed run's recorded reason, an interrupted run).</summary>
public sealed record MergedRow(
    string Point,
    IReadOnlyDictionary<string, string> Parameters,
    string Status,
    int? ExitCode,
    IReadOnlyDictionary<string, JsonElement> Metrics,
    string? RunRecord,
    string Log,
    string? Reason = null);
