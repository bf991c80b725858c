using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Evaluation vocabulary for time: when after programming the deployed network is read.</summary>
public static class EvaluationTimeExtensions
{
    /// <summary>
    /// Reads the deployed network <paramref name="afterProgramming"/> after it was programmed: drifting devices (e.g.
    /// PCM) have drifted that long and their read noise is the device's at that time; other devices are unchanged.
    /// Must be ≥ 0 (HW0147). Default: read right after programming (t = 0).
    /// </summary>
    /// <param name="evaluation">The evaluation settings.</param>
    /// <param name="afterProgramming">Time since programming, e.g. <c>TimeSpan.FromDays(1)</c>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static EvaluationBuilder At(this EvaluationBuilder evaluation, TimeSpan afterProgramming,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        => evaluation.AtSeconds(afterProgramming.TotalSeconds, file, line);

    /// <summary>As <see cref="At"/>, in seconds (≥ 0 and finite, HW0147).</summary>
    /// <param name="evaluation">The evaluation settings.</param>
    /// <param name="seconds">Time since programming in seconds.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static EvaluationBuilder AtSeconds(this EvaluationBuilder evaluation, double seconds,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        evaluation.Settings.Set(EvalKey.ReadSeconds, seconds, file, line);
        return evaluation;
    }
}
