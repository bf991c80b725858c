namespace HwDsl;

/// <summary>
/// The resolved hardware of one weight layer, Dense or Conv2d (global hardware with per-layer overrides applied).
/// A digital layer computes in float: it reports <see cref="FloatBits"/> weight bits, no input or activation bits,
/// ideal elements and no noise, whatever it inherited.
/// </summary>
/// <param name="Index">0-based weight-layer index (Dense and Conv2d layers in network order, <see cref="NetworkSpec.WeightLayers"/>).</param>
/// <param name="Digital">True: exact float MAC, no analog effects.</param>
/// <param name="Device">Device model name; the compiler resolves it.</param>
/// <param name="Mapping">How signed weights map to conductances.</param>
/// <param name="WeightBits">Bits per element, 1..16 (L = 2^b levels); <see cref="FloatBits"/> for a digital layer.</param>
/// <param name="InputBits">Input (DAC) bits, 1..16, or null for float inputs.</param>
/// <param name="ActivationBits">Bits of this layer's output activation, 1..16, or null for float.</param>
/// <param name="Positive">The G+ element (scale 1).</param>
/// <param name="Negative">The G- element (scale 1 + asymmetry); for <see cref="WeightMapping.SingleWithReference"/> equal to <paramref name="Positive"/>.</param>
/// <param name="Range">How w_max is chosen.</param>
/// <param name="ProgrammingSigma">Device-to-device / programming variation, a fraction of Gmax, 0..0.5.</param>
/// <param name="ReadSigma">Read noise per MAC, a fraction of Gmax, 0..0.5.</param>
public sealed record LayerHardware(
    int Index, bool Digital, string Device, WeightMapping Mapping, int WeightBits, int? InputBits, int? ActivationBits,
    ElementSpec Positive, ElementSpec Negative, WeightRange Range, double ProgrammingSigma, double ReadSigma)
{
    /// <summary>The weight bits a digital (float32) layer reports.</summary>
    public const int FloatBits = 32;

    /// <summary>Asymmetry <c>a</c> of the pair (<c>Negative.Scale - 1</c>).</summary>
    public double Asymmetry => Negative.Scale - 1;

    /// <summary>The device preset and parameter overrides of <see cref="Device"/> (its defaults unless the script set them).</summary>
    public DeviceChoice DeviceChoice { get; init; } = DeviceChoice.Defaults;

    /// <summary>The periphery stages between each tile and the digital sum, in pipeline order (<see cref="PeripheryStageSpec.Position"/>).</summary>
    public IReadOnlyList<PeripheryStageSpec> Periphery { get; init; } = new EquatableList<PeripheryStageSpec>([]);

    /// <summary>True when the layer draws noise (programming or read, or a periphery stage that draws per sample), so
    /// repeated evaluations differ.</summary>
    public bool IsNoisy => !Digital && (ProgrammingSigma > 0 || ReadSigma > 0 || Periphery.Any(s => s.IsRandom && !s.IsIdentity));

    /// <summary>Binary weights (±1 as device states, <c>Binary()</c>); <see cref="WeightBits"/> is then 1.</summary>
    public bool Binary { get; init; }

    /// <summary>Per-device defect rates (open, shorted, stuck at random), drawn per die.</summary>
    public DefectSpec Defects { get; init; } = DefectSpec.None;

    /// <summary>Device-to-device variation σ: a working device's conductance is multiplied by 1 + σz, once per die.</summary>
    public double DeviceToDevice { get; init; }

    /// <summary>Rows (inputs) of one crossbar tile; a layer with more inputs is split over several tiles.</summary>
    public int TileRows { get; init; } = Hardware.DefaultTileRows;

    /// <summary>Columns (outputs) of one crossbar tile; a layer with more outputs is split over several tiles.</summary>
    public int TileColumns { get; init; } = Hardware.DefaultTileColumns;

    /// <summary>True when dies of this layer differ (defects or variation).</summary>
    public bool HasDieEffects => !Digital && (!Defects.IsNone || DeviceToDevice > 0);
}
