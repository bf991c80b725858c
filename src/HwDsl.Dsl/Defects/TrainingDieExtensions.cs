using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Training vocabulary for defective dies: per-die and statistics-aware training.</summary>
public static class TrainingDieExtensions
{
    /// <summary>
    /// Hardware-aware training on die <paramref name="die"/> of the evaluation population (<c>e.OnDies(...)</c>): its
    /// defect map is fixed in the forward pass (stuck devices ignore their weight and pass no gradient). HW0510.
    /// </summary>
    /// <param name="training">The training builder.</param>
    /// <param name="die">0-based die index in the evaluation population.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static TrainingBuilder PerDie(this TrainingBuilder training, int die, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(training, new DieTraining(DieTrainingKind.PerDie, die, 0), file, line);

    /// <summary>
    /// Statistics-aware training: a fresh die drawn from the hardware's defect statistics every
    /// <paramref name="everyBatches"/> mini-batches (≥ 1, HW0511); these dies are never the evaluation dies.
    /// </summary>
    /// <param name="training">The training builder.</param>
    /// <param name="everyBatches">Mini-batches per die sample.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static TrainingBuilder StatisticsAware(this TrainingBuilder training, int everyBatches = 1, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(training, new DieTraining(DieTrainingKind.StatisticsAware, 0, everyBatches), file, line);

    private static TrainingBuilder Set(TrainingBuilder training, DieTraining mode, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(training);
        // Training against defects is hardware-aware training; binary weights train straight through.
        training.HardwareAware(Relaxation.Ste, file, line);
        training.Settings.Set(TrainKey.Dies, mode, file, line);
        return training;
    }
}
