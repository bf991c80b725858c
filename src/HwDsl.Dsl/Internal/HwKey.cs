namespace HwDsl;

/// <summary>The hardware vocabulary's keys: the names used in messages, each with its layer value (and so its path).</summary>
internal static class HwKey
{
    internal static readonly SettingKey<bool> Digital = Layer<bool>("Digital", LayerValue.Digital);
    internal static readonly SettingKey<WeightMapping> Mapping = Layer<WeightMapping>("Mapping", LayerValue.Mapping);
    internal static readonly SettingKey<string> Device = Layer<string>("Device", LayerValue.Device);
    internal static readonly SettingKey<string> DevicePreset = Layer<string>("DevicePreset", LayerValue.DevicePreset);
    internal static readonly SettingKey<int> WeightBits = Layer<int>("WeightBits", LayerValue.WeightBits);
    internal static readonly SettingKey<int?> InputBits = Layer<int?>("InputBits", LayerValue.InputBits);
    internal static readonly SettingKey<int?> ActivationBits = Layer<int?>("ActivationBits", LayerValue.ActivationBits);
    internal static readonly SettingKey<double> OnOffRatio = Layer<double>("OnOffRatio", LayerValue.OnOffRatio);
    internal static readonly SettingKey<double> Asymmetry = Layer<double>("Asymmetry", LayerValue.Asymmetry);
    internal static readonly SettingKey<double> NonLinearity = Layer<double>("NonLinearity", LayerValue.NonLinearity);
    internal static readonly SettingKey<double> NegativeOnOffRatio = Layer<double>("NegativeElement.OnOffRatio", LayerValue.NegativeOnOffRatio);
    internal static readonly SettingKey<double> NegativeNonLinearity = Layer<double>("NegativeElement.NonLinearity", LayerValue.NegativeNonLinearity);
    internal static readonly SettingKey<WeightRange?> Range = Layer<WeightRange?>("WeightRange", LayerValue.WeightRange);
    internal static readonly SettingKey<double> ProgrammingSigma = Layer<double>("ProgrammingNoise", LayerValue.ProgrammingNoise);
    internal static readonly SettingKey<double> ReadSigma = Layer<double>("ReadNoise", LayerValue.ReadNoise);
    internal static readonly SettingKey<bool> Binary = Layer<bool>("Binary", LayerValue.Binary);
    internal static readonly SettingKey<RateDistribution?> Open = Layer<RateDistribution?>("Defects.Open", LayerValue.OpenRate);
    internal static readonly SettingKey<RateDistribution?> Shorted = Layer<RateDistribution?>("Defects.Shorted", LayerValue.ShortedRate);
    internal static readonly SettingKey<RateDistribution?> StuckRandom = Layer<RateDistribution?>("Defects.StuckRandom", LayerValue.StuckRandomRate);
    internal static readonly SettingKey<double> DeviceToDevice = Layer<double>("DeviceToDevice", LayerValue.DeviceToDevice);
    internal static readonly SettingKey<(int Rows, int Columns)> TileSize = new("TileSize", LayerValues.Path(LayerValue.TileRows));

    /// <summary>Parameters that only mean something on an analog layer.</summary>
    internal static readonly SettingKey[] AnalogOnly =
    [
        WeightBits, InputBits, ActivationBits, OnOffRatio, Asymmetry, NonLinearity,
        NegativeOnOffRatio, NegativeNonLinearity, ProgrammingSigma, ReadSigma, TileSize,
    ];

    /// <summary>Defect settings, which need devices.</summary>
    internal static readonly SettingKey[] DefectOnly = [Binary, Open, Shorted, StuckRandom, DeviceToDevice];

    /// <summary>The key of one device parameter (<c>DeviceParameter("drift_nu", 0.06)</c>): path <c>DeviceParameters.drift_nu</c>.</summary>
    internal static SettingKey<DeviceParameterValue> DeviceParameter(string name) => new("DeviceParameter", ParameterPrefix + name);

    internal const string ParameterPrefix = "DeviceParameters.";

    /// <summary>The key of one periphery stage (one per name and layer): path <c>Periphery.ColumnGainError</c>.</summary>
    internal static SettingKey<PeripheryStageSpec> Stage(string name) => new("Periphery." + name, StagePrefix + name);

    internal const string StagePrefix = "Periphery.";

    internal static bool IsStage(SettingKey key) => key.Path.StartsWith(StagePrefix, StringComparison.Ordinal);

    internal static bool IsDeviceParameter(SettingKey key) => key.Path.StartsWith(ParameterPrefix, StringComparison.Ordinal);

    private static SettingKey<T> Layer<T>(string name, LayerValue value) => new(name, LayerValues.Path(value));
}
