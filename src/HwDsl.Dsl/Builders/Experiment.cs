using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Entry point: <c>Experiment.Named("rram-4bit").Seed(7).Data(Datasets.Mnist).Network(n =&gt; …).On(hw).Train(t =&gt; …).Evaluate(e =&gt; …).Build()</c>.
/// <para>
/// Staging: the types enforce the one order that matters, cheaply — <c>Data</c> before <c>Network</c> (the network's
/// input size and output width come from the data set), and <c>Build()</c>, <c>On</c>, <c>Train</c>, <c>Evaluate</c>
/// and <c>With</c> exist only once both are given (<see cref="ExperimentNeedsData"/> → <see cref="ExperimentNeedsNetwork"/>
/// → <see cref="ExperimentBuilder"/>). Everything after that is optional and in any order, with defaults; values are
/// recorded as written and checked together at <c>Build()</c>, which reports every error at once with the
/// caller's file and line (<see cref="SpecException"/>). Checking at Build rather than at each call keeps
/// presets, <c>With</c> copies and per-layer overrides simple: a value is judged in its final context.
/// </para>
/// </summary>
public static class Experiment
{
    /// <summary>Starts an experiment called <paramref name="name"/> (non-empty, HW0404; names the run folder).</summary>
    /// <param name="name">Experiment name.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static ExperimentNeedsData Named(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new(new ExperimentState { Name = new Setting<string>(name, Provenance.Explicit(file, line)) });
}
