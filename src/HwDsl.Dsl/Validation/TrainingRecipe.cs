namespace HwDsl;

/// <summary>The checked recipe every training vocabulary shares (what <see cref="TrainingRules.CheckRecipe"/> returns).</summary>
internal sealed record TrainingRecipe(OptimizerKind Optimizer, double LearningRate, double Momentum, double WeightDecay, int Epochs, int Batch,
    ScheduleSpec Schedule);
