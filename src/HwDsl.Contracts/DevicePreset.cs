namespace HwDsl.Contracts;

/// <summary>
/// A named set of parameter values for a device, with the source they come from (aihwkit's habit: presets cite the paper).
/// Parameters a preset does not name keep their <see cref="DeviceParameter.Default"/>.
/// </summary>
/// <param name="Name">The name scripts use, e.g. <c>"wan2022"</c>; unique within the device (case-insensitive).</param>
/// <param name="Citation">Where the numbers come from (paper, figure or table, and which values are assumptions).</param>
/// <param name="Values">Parameter name → value; every name must be one of the device's parameters, every value in range.</param>
public sealed record DevicePreset(string Name, string Citation, IReadOnlyDictionary<string, double> Values);
