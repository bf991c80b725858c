using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>The training recipe: optimizer, epochs, batch and learning-rate schedule, for experiments and core experiments alike.</summary>
public static class TrainingRecipeExtensions
{
    /// <summary>Adam with learning rate <paramref name="lr"/> (finite, &gt; 0; HW0301).</summary>
    /// <typeparam name="T">The training scope.</typeparam>
    /// <param name="training">The training settings.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Adam<T>(this T training, double lr, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : TrainingScope => Optimizer(training, OptimizerKind.Adam, lr, 0, 0, file, line);

    /// <summary>AdamW: Adam with decoupled weight decay (≥ 0; HW0303).</summary>
    /// <typeparam name="T">The training scope.</typeparam>
    /// <param name="training">The training settings.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="weightDecay">Decoupled weight decay.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T AdamW<T>(this T training, double lr, double weightDecay = 0.01, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : TrainingScope => Optimizer(training, OptimizerKind.AdamW, lr, 0, weightDecay, file, line);

    /// <summary>SGD with momentum in [0, 1) (HW0302).</summary>
    /// <typeparam name="T">The training scope.</typeparam>
    /// <param name="training">The training settings.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="momentum">Momentum; 0 for plain SGD.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Sgd<T>(this T training, double lr, double momentum = 0.9, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : TrainingScope => Optimizer(training, OptimizerKind.Sgd, lr, momentum, 0, file, line);

    /// <summary>Number of epochs, ≥ 1 (HW0304).</summary>
    /// <typeparam name="T">The training scope.</typeparam>
    /// <param name="training">The training settings.</param>
    /// <param name="epochs">Epochs.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Epochs<T>(this T training, int epochs, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : TrainingScope => Set(training, TrainKey.Epochs, epochs, file, line);

    /// <summary>Mini-batch size, ≥ 1 (HW0305).</summary>
    /// <typeparam name="T">The training scope.</typeparam>
    /// <param name="training">The training settings.</param>
    /// <param name="batch">Batch size.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Batch<T>(this T training, int batch, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : TrainingScope => Set(training, TrainKey.Batch, batch, file, line);

    /// <summary>Learning-rate schedule: <see cref="HwDsl.Schedule.Constant"/>, <see cref="HwDsl.Schedule.Cosine"/> (default) or
    /// <see cref="HwDsl.Schedule.Step"/> (HW0306).</summary>
    /// <typeparam name="T">The training scope.</typeparam>
    /// <param name="training">The training settings.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Schedule<T>(this T training, ScheduleSpec schedule, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : TrainingScope => Set<T, ScheduleSpec?>(training, TrainKey.Schedule, schedule, file, line);

    private static T Optimizer<T>(T training, OptimizerKind kind, double lr, double momentum, double decay, string file, int line)
        where T : TrainingScope
    {
        ArgumentNullException.ThrowIfNull(training);
        training.Settings.Set(TrainKey.Optimizer, kind, file, line);
        training.Settings.Set(TrainKey.LearningRate, lr, file, line);
        training.Settings.Set(TrainKey.Momentum, momentum, file, line);
        training.Settings.Set(TrainKey.WeightDecay, decay, file, line);
        return training;
    }

    private static T Set<T, TValue>(T training, SettingKey<TValue> key, TValue value, string file, int line) where T : TrainingScope
    {
        ArgumentNullException.ThrowIfNull(training);
        training.Settings.Set(key, value, file, line);
        return training;
    }
}
