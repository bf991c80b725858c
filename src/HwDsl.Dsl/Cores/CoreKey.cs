namespace HwDsl;

/// <summary>Parameter names of the core vocabulary (spec member names).</summary>
internal static class CoreKey
{
    internal const string Image = "Image";
    internal const string PerClass = "PerClass";
    internal const string AxonTypes = "AxonTypeWeights";
    internal const string Rotate = "RotateTypesPerNeuron";
    internal const string Threshold = "Threshold";
    internal const string TimeSteps = "TimeSteps";
    internal const string Encoding = "Encoding";
    internal const string EncodingThreshold = "EncodingThreshold";
    internal const string Method = "Method";
    internal const string LearningRate = "LearningRate";
    internal const string Epochs = "Epochs";
    internal const string Batch = "Batch";
    internal const string Smoothing = "Smoothing";
    internal const string ReadoutScale = "ReadoutScale";
    internal const string HardHidden = "HardHiddenSpikes";
    internal const string HardOutput = "HardOutputSpikes";
    internal const string Shift = "Shift";
}
