namespace HwDsl;

/// <summary>One thing wrong with a periphery stage's values, reported as a <see cref="SpecError"/> at the line that set the stage.</summary>
/// <param name="Code">Stable rule code (<see cref="RuleCodes"/>).</param>
/// <param name="Parameter">The offending parameter, e.g. <c>ColumnGainError.sigma</c>.</param>
/// <param name="Value">The offending value.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record StageProblem(string Code, string Parameter, object? Value, string Message);
