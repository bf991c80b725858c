using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// One device in a <see cref="DeviceComparison"/>: the device (and preset) every analog layer uses, the weight bits it
/// is programmed at, the times after programming it is read at, and any further hardware settings.
/// </summary>
/// <param name="Label">Row label, e.g. <c>pcm/nandakumar2019</c>.</param>
/// <param name="Device">Device model name.</param>
/// <param name="Preset">Device preset, or null for the device's defaults.</param>
/// <param name="WeightBits">Bits per element.</param>
/// <param name="ReadSeconds">Read times after programming (at least one; 0 = right after).</param>
/// <param name="Hardware">Further hardware settings (e.g. the generic device's r, ν, a), or null.</param>
public sealed record DeviceTrial(string Label, string Device, string? Preset, int WeightBits, IReadOnlyList<double> ReadSeconds,
    Func<HardwareBuilder, HardwareBuilder>? Hardware = null);
