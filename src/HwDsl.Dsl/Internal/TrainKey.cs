namespace HwDsl;

/// <summary>Parameter names of the training vocabulary (spec member names).</summary>
internal static class TrainKey
{
    internal const string Optimizer = "Optimizer";
    internal const string LearningRate = "LearningRate";
    internal const string Momentum = "Momentum";
    internal const string WeightDecay = "WeightDecay";
    internal const string Epochs = "Epochs";
    internal const string Batch = "Batch";
    internal const string Schedule = "Schedule";
    internal const string Mode = "Mode";
    internal const string Relaxation = "Relaxation";
    internal const string Rounding = "Rounding";
}
