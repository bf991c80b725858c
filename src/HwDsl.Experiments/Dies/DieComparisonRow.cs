using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>One mode's errors over the dies; for per-die training, also its own die's error.</summary>
/// <param name="Mode">Training mode.</param>
/// <param name="Errors">Error over the evaluation dies (the software row: the ideal binary network, one value).</param>
/// <param name="Die">The die per-die training used, or null.</param>
/// <param name="OwnDieError">Error on that die, or null.</param>
/// <param name="Result">The run's full result.</param>
public sealed record DieComparisonRow(string Mode, DieStatistics Errors, int? Die, double? OwnDieError, ExperimentResult Result);
