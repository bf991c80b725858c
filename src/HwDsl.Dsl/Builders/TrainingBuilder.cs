using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Training settings: <c>t =&gt; t.Adam(1e-3).Epochs(10).Batch(100).HardwareAware(Relaxation.Sigmoid(2, to: 50))</c>.
/// Defaults: Adam 1e-3, 10 epochs, batch 100, cosine schedule, hardware-aware with <c>Relaxation.Sigmoid(2, to: 50)</c>.
/// </summary>
public sealed class TrainingBuilder
{
    /// <summary>The default relaxation of hardware-aware training.</summary>
    public static RelaxationSpec DefaultRelaxation { get; } = Relaxation.Sigmoid(2, to: 50);

    internal TrainingBuilder() : this(new SettingBag()) { }

    private TrainingBuilder(SettingBag settings) => Settings = settings;

    internal SettingBag Settings { get; }

    /// <summary>Adam with learning rate <paramref name="lr"/> (finite, &gt; 0; HW0301).</summary>
    /// <param name="lr">Learning rate.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Adam(double lr, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Optimizer(OptimizerKind.Adam, lr, 0, 0, file, line);

    /// <summary>AdamW: Adam with decoupled weight decay (≥ 0; HW0303).</summary>
    /// <param name="lr">Learning rate.</param>
    /// <param name="weightDecay">Decoupled weight decay.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder AdamW(double lr, double weightDecay = 0.01, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Optimizer(OptimizerKind.AdamW, lr, 0, weightDecay, file, line);

    /// <summary>SGD with momentum in [0, 1) (HW0302).</summary>
    /// <param name="lr">Learning rate.</param>
    /// <param name="momentum">Momentum; 0 for plain SGD.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Sgd(double lr, double momentum = 0.9, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Optimizer(OptimizerKind.Sgd, lr, momentum, 0, file, line);

    /// <summary>Number of epochs, ≥ 1 (HW0304).</summary>
    /// <param name="epochs">Epochs.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Epochs(int epochs, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(TrainKey.Epochs, epochs, file, line);

    /// <summary>Mini-batch size, ≥ 1 (HW0305).</summary>
    /// <param name="batch">Batch size.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Batch(int batch, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(TrainKey.Batch, batch, file, line);

    /// <summary>Learning-rate schedule (see <see cref="HwDsl.Schedule"/>; HW0306).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Schedule(ScheduleSpec schedule, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(TrainKey.Schedule, schedule, file, line);

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

    /// <summary>How weights pick their level when programmed: <see cref="WeightRounding.Nearest"/> (default) or
    /// <see cref="WeightRounding.Stochastic"/> (not with programming or read noise, HW0701; not in Float mode, HW0702).</summary>
    /// <param name="rounding"><c>Rounding.Nearest</c> or <c>Rounding.Stochastic</c>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public TrainingBuilder Rounding(WeightRounding rounding, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(TrainKey.Rounding, rounding, file, line);

    internal TrainingBuilder Clone() => new(Settings.Clone());

    private TrainingBuilder Optimizer(OptimizerKind kind, double lr, double momentum, double decay, string file, int line)
    {
        Settings.Set(TrainKey.Optimizer, kind, file, line);
        Settings.Set(TrainKey.LearningRate, lr, file, line);
        Settings.Set(TrainKey.Momentum, momentum, file, line);
        Settings.Set(TrainKey.WeightDecay, decay, file, line);
        return this;
    }

    private TrainingBuilder Mode(TrainingMode mode, RelaxationSpec? relaxation, string file, int line)
    {
        Settings.Set(TrainKey.Mode, mode, file, line);
        Settings.Set(TrainKey.Relaxation, relaxation, file, line);
        return this;
    }

    private TrainingBuilder Set(string key, object value, string file, int line)
    {
        Settings.Set(key, value, file, line);
        return this;
    }
}
