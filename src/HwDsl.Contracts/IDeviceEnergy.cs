namespace HwDsl.Contracts;

/// <summary>
/// Optional: a device model that knows its own read and programming energy (contract 2.1). The host asks for it with a
/// type test on the <see cref="IDeviceModel"/>, so plugins built against 2.0 keep loading and use the technology preset's values.
/// </summary>
public interface IDeviceEnergy
{
    /// <summary>The device's read and programming energy per cell, with their source.</summary>
    DeviceEnergy Energy { get; }
}
