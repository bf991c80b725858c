using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Training settings: <c>t =&gt; t.Adam(1e-3).Epochs(10).Batch(100).HardwareAware(Relaxation.Sigmoid(2, to: 50))</c>.
/// Defaults: Adam 1e-3, 10 epochs, batch 100, cosine schedule, hardware-aware with <c>Relaxation.Sigmoid(2, to: 50)</c>.
/// </summary>
public sealed class TrainingBuilder : TrainingScope
{
    /// <summary>The default relaxation of hardware-aware training.</summary>
    public static RelaxationSpec DefaultRelaxation { get; } = Relaxation.Sigmoid(2, to: 50);

    internal TrainingBuilder() : this(new SettingBag()) { }

    private TrainingBuilder(SettingBag settings) : base(settings) { }

    /// <summary>Software baseline: float training, evaluated in float; the hardware is not used.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Float([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Mode(TrainingMode.Float, null, file, line);

    /// <summary>Float training, then the weights are mapped onto the hardware; the deployed model is evaluated.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder NaiveMapping([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Mode(TrainingMode.NaiveMapping, null, file, line);

    /// <summary>Hardware-aware training through <paramref name="relaxation"/> (default <see cref="DefaultRelaxation"/>); the deployed model is evaluated.</summary>
    /// <param name="relaxation"><c>Relaxation.Sigmoid(beta, to)</c> or <c>Relaxation.Ste</c>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder HardwareAware(RelaxationSpec? relaxation = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Mode(TrainingMode.HardwareAware, relaxation ?? DefaultRelaxation, file, line);

    /// <summary>
    /// Noise-aware hardware-aware training: as <see cref="HardwareAware"/> through <paramref name="relaxation"/>, and on every
    /// mini-batch each analog weight takes a fresh draw of its device's programming and read noise (and drift) at
    /// <paramref name="at"/> after programming, scaled by <paramref name="scale"/>; the per-MVM periphery noise draws as when
    /// deployed (see <see cref="TrainingNoise"/>). Scale in (0, 10] (HW0810), time ≥ 0 (HW0811).
    /// </summary>
    /// <param name="relaxation"><c>Relaxation.Sigmoid(beta, to)</c> or <c>Relaxation.Ste</c> (default <see cref="DefaultRelaxation"/>).</param>
    /// <param name="scale">Multiplier of the injected deviations (1: the device's own).</param>
    /// <param name="at">Read time of the injected noise; default the evaluation's read time (<c>At</c>).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder NoiseAware(RelaxationSpec? relaxation = null, double scale = 1, TimeSpan? at = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Mode(TrainingMode.HardwareAware, relaxation ?? DefaultRelaxation, file, line);
        Settings.Set(TrainKey.Noise, new TrainingNoise(scale, at?.TotalSeconds), file, line);
        return this;
    }

    /// <summary>How weights pick their level when programmed: <see cref="WeightRounding.Nearest"/> (default) or
    /// <see cref="WeightRounding.Stochastic"/> (not with programming or read noise, HW0701; not in Float mode, HW0702).</summary>
    /// <param name="rounding"><c>Rounding.Nearest</c> or <c>Rounding.Stochastic</c>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Rounding(WeightRounding rounding, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(rounding, file, line);

    internal TrainingBuilder Clone() => new(Settings.Clone());

    private TrainingBuilder Set(WeightRounding rounding, string file, int line)
    {
        Settings.Set(TrainKey.Rounding, rounding, file, line);
        return this;
    }

    private TrainingBuilder Mode(TrainingMode mode, RelaxationSpec? relaxation, string file, int line)
    {
        Settings.Set(TrainKey.Mode, mode, file, line);
        Settings.Set(TrainKey.Relaxation, relaxation, file, line);
        Settings.Set(TrainKey.Noise, null, file, line);
        return this;
    }
}
