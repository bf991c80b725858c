namespace HwDsl;

/// <summary>The training vocabulary's keys (shared by experiments and core experiments); paths <c>Training.&lt;Name&gt;</c>.</summary>
internal static class TrainKey
{
    internal static readonly SettingKey<OptimizerKind> Optimizer = Key<OptimizerKind>("Optimizer");
    internal static readonly SettingKey<double> LearningRate = Key<double>("LearningRate");
    internal static readonly SettingKey<double> Momentum = Key<double>("Momentum");
    internal static readonly SettingKey<double> WeightDecay = Key<double>("WeightDecay");
    internal static readonly SettingKey<int> Epochs = Key<int>("Epochs");
    internal static readonly SettingKey<int> Batch = Key<int>("Batch");
    internal static readonly SettingKey<ScheduleSpec?> Schedule = Key<ScheduleSpec?>("Schedule");
    internal static readonly SettingKey<TrainingMode> Mode = Key<TrainingMode>("Mode");
    internal static readonly SettingKey<RelaxationSpec?> Relaxation = Key<RelaxationSpec?>("Relaxation");
    internal static readonly SettingKey<WeightRounding> Rounding = Key<WeightRounding>("Rounding");
    internal static readonly SettingKey<DieTraining> Dies = Key<DieTraining>("Dies");
    internal static readonly SettingKey<TrainingNoise?> Noise = Key<TrainingNoise?>("Noise");

    internal static SettingKey<T> Key<T>(string name) => new(name, "Training." + name);
}
