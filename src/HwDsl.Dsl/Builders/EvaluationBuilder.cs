using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Evaluation settings: <c>e =&gt; e.Deployed(samples: 5)</c>. Default: one sample.</summary>
public sealed class EvaluationBuilder
{
    internal EvaluationBuilder() : this(new SettingBag()) { }

    private EvaluationBuilder(SettingBag settings) => Settings = settings;

    internal SettingBag Settings { get; }

    /// <summary>
    /// Evaluate the hard deployed model <paramref name="samples"/> times (≥ 1, HW0401), each with a fresh
    /// programming-noise draw; mean and spread are reported. More than one sample needs noise (HW0402) and a
    /// deployed mode (HW0403).
    /// </summary>
    /// <param name="samples">Noise draws.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public EvaluationBuilder Deployed(int samples = 1, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Settings.Set(EvalKey.Samples, samples, file, line);
        return this;
    }

    internal EvaluationBuilder Clone() => new(Settings.Clone());
}
