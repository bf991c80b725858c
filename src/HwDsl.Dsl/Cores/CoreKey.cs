namespace HwDsl;

/// <summary>The core vocabulary's own keys (the optimizer, epochs, batch and schedule are <see cref="TrainKey"/>'s).</summary>
internal static class CoreKey
{
    internal static readonly SettingKey<(int Width, int Height)> Image = Network<(int, int)>("Image");
    internal static readonly SettingKey<int?> PerClass = Network<int?>("PerClass");
    internal static readonly SettingKey<EquatableList<int>> AxonTypes = Network<EquatableList<int>>("AxonTypeWeights");
    internal static readonly SettingKey<bool> Rotate = Network<bool>("RotateTypesPerNeuron");
    internal static readonly SettingKey<int> Threshold = Network<int>("Threshold");
    internal static readonly SettingKey<int> TimeSteps = Network<int>("TimeSteps");
    internal static readonly SettingKey<InputEncoding> Encoding = Network<InputEncoding>("Encoding");
    internal static readonly SettingKey<double> EncodingThreshold = Network<double>("EncodingThreshold");
    internal static readonly SettingKey<CoreTrainingMethod> Method = TrainKey.Key<CoreTrainingMethod>("Method");
    internal static readonly SettingKey<double> Smoothing = TrainKey.Key<double>("Smoothing");
    internal static readonly SettingKey<double> ReadoutScale = TrainKey.Key<double>("ReadoutScale");
    internal static readonly SettingKey<bool> HardHidden = TrainKey.Key<bool>("HardHiddenSpikes");
    internal static readonly SettingKey<bool> HardOutput = TrainKey.Key<bool>("HardOutputSpikes");
    internal static readonly SettingKey<int> Shift = TrainKey.Key<int>("Shift");

    private static SettingKey<T> Network<T>(string name) => new(name, "Network." + name);
}
