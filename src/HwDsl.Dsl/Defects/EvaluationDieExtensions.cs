using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Evaluation vocabulary: Monte-Carlo evaluation over a population of dies.</summary>
public static class EvaluationDieExtensions
{
    /// <summary>
    /// Evaluate the deployed network on every die of <paramref name="dies"/> (per-die error, mean, sd, min/max,
    /// histogram); needs a deployed mode (HW0508) and defects or variation to sample (HW0512).
    /// </summary>
    /// <param name="evaluation">The evaluation builder.</param>
    /// <param name="dies"><c>Dies.Sample(36, seed: 1)</c> or <c>Dies.Load(...)</c>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static EvaluationBuilder OnDies(this EvaluationBuilder evaluation, DiePopulation dies, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        evaluation.Settings.Set(EvalKey.Dies, dies, file, line);
        return evaluation;
    }
}
