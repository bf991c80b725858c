namespace HwDsl;

/// <summary>
/// Something the training recipe vocabulary applies to: an experiment's <see cref="TrainingBuilder"/> or a core experiment's
/// <see cref="CoreTrainingBuilder"/>. The recipe itself (<c>Adam</c>, <c>AdamW</c>, <c>Sgd</c>, <c>Epochs</c>, <c>Batch</c>,
/// <c>Schedule</c>) is extension methods in <see cref="TrainingRecipeExtensions"/>, so both share one vocabulary, one
/// set of keys and one set of checks.
/// </summary>
public abstract class TrainingScope
{
    private protected TrainingScope(SettingBag settings) => Settings = settings;

    internal SettingBag Settings { get; }
}
