using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>One parameter of a bound device: what the device declares, the value in use and where it came from.</summary>
/// <param name="Declared">The device's declaration (name, unit, range, default, description).</param>
/// <param name="Value">The value the device was configured with.</param>
/// <param name="Where">The script line (explicit), the device preset, or the device's default.</param>
public sealed record BoundParameter(DeviceParameter Declared, double Value, Provenance Where);
