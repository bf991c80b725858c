namespace HwDsl;

/// <summary>
/// One resolved hardware value of a layer, to ask where it came from: <see cref="ExperimentSpec.SourceOf(int, LayerValue)"/>.
/// Each has one path in <see cref="ExperimentSpec.Provenance"/>, e.g. <c>Layers[1].Positive.OnOffRatio</c>.
/// </summary>
public enum LayerValue
{
    /// <summary>Digital() / Analog().</summary>
    Digital,

    /// <summary>How signed weights map to conductances.</summary>
    Mapping,

    /// <summary>The device model's name.</summary>
    Device,

    /// <summary>The device's preset.</summary>
    DevicePreset,

    /// <summary>Bits per element.</summary>
    WeightBits,

    /// <summary>Input (DAC) bits.</summary>
    InputBits,

    /// <summary>Bits of the layer's output activation.</summary>
    ActivationBits,

    /// <summary>The G+ (or only) element's on/off ratio.</summary>
    OnOffRatio,

    /// <summary>The G+ (or only) element's non-linearity.</summary>
    NonLinearity,

    /// <summary>The G− element's on/off ratio.</summary>
    NegativeOnOffRatio,

    /// <summary>The G− element's non-linearity.</summary>
    NegativeNonLinearity,

    /// <summary>The pair's asymmetry (the G− element's scale 1 + a).</summary>
    Asymmetry,

    /// <summary>How w_max is chosen.</summary>
    WeightRange,

    /// <summary>Programming (device-to-device) noise σ.</summary>
    ProgrammingNoise,

    /// <summary>Read noise σ.</summary>
    ReadNoise,

    /// <summary>Binary weights.</summary>
    Binary,

    /// <summary>Rate of open devices.</summary>
    OpenRate,

    /// <summary>Rate of shorted devices.</summary>
    ShortedRate,

    /// <summary>Rate of devices stuck at a random level.</summary>
    StuckRandomRate,

    /// <summary>Device-to-device variation σ of binary devices.</summary>
    DeviceToDevice,

    /// <summary>Rows (inputs) of one crossbar tile.</summary>
    TileRows,

    /// <summary>Columns (outputs) of one crossbar tile.</summary>
    TileColumns,
}
