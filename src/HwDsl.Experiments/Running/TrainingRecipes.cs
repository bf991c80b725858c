using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>The DSL's training recipe as the trainer's records: one mapping for experiments and core experiments.</summary>
public static class TrainingRecipes
{
    /// <summary>The optimizer of a recipe.</summary>
    public static OptimizerSpec Optimizer(OptimizerKind kind, double learningRate, double momentum, double weightDecay) => kind switch
    {
        OptimizerKind.Sgd => new SgdSpec(learningRate, momentum, weightDecay),
        OptimizerKind.AdamW => new AdamSpec(learningRate, WeightDecay: weightDecay, Decoupled: true),
        _ => new AdamSpec(learningRate, WeightDecay: weightDecay),
    };

    /// <summary>The learning-rate schedule of a recipe.</summary>
    public static LearningRateSchedule Schedule(ScheduleSpec schedule) => schedule switch
    {
        CosineSchedule => LearningRateSchedule.Cosine(),
        StepSchedule s => LearningRateSchedule.Step(s.Gamma, s.Every),
        _ => LearningRateSchedule.Constant,
    };
}
