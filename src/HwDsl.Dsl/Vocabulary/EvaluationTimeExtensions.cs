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

    /// <summary>
    /// Accuracy over time: each deployed sample is programmed once and read at every given time after programming (each
    /// read with its own read noise), with and without global drift compensation; the results carry accuracy vs time
    /// (mean and spread over samples). E.g. <c>e.OverTime(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1))</c>.
    /// Times finite, ≥ 0 and ascending (HW0820); not in Float mode (HW0821), not with OnDies (HW0822), not with At (HW0824).
    /// </summary>
    /// <param name="evaluation">The evaluation settings.</param>
    /// <param name="first">The first read time.</param>
    /// <param name="second">Further read times (unset ones are skipped).</param>
    /// <param name="third">A further read time.</param>
    /// <param name="fourth">A further read time.</param>
    /// <param name="fifth">A further read time.</param>
    /// <param name="sixth">A further read time.</param>
    /// <param name="seventh">A further read time.</param>
    /// <param name="eighth">A further read time.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static EvaluationBuilder OverTime(this EvaluationBuilder evaluation, TimeSpan first, TimeSpan? second = null, TimeSpan? third = null,
        TimeSpan? fourth = null, TimeSpan? fifth = null, TimeSpan? sixth = null, TimeSpan? seventh = null, TimeSpan? eighth = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        TimeSpan?[] times = [first, second, third, fourth, fifth, sixth, seventh, eighth];
        evaluation.Settings.Set(EvalKey.Times, new EquatableList<double>([.. times.OfType<TimeSpan>().Select(t => t.TotalSeconds)]), file, line);
        return evaluation;
    }

    /// <summary>Global drift compensation on (default) or off: right after programming each tile stores the sum of |y| for
    /// an all-ones input; at every later read the tile's digital outputs are multiplied by (that sum / the same sum now).
    /// One scalar per tile; it removes the mean decay, not the spread. Not in Float mode (HW0823).</summary>
    /// <param name="evaluation">The evaluation settings.</param>
    /// <param name="on">True to compensate.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static EvaluationBuilder DriftCompensation(this EvaluationBuilder evaluation, bool on = true,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        evaluation.Settings.Set(EvalKey.DriftCompensation, on, file, line);
        return evaluation;
    }
}
