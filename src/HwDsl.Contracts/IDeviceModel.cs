namespace HwDsl.Contracts;

/// <summary>
/// A device model as a plugin exports it: who it is, what parameters it takes (with ranges and units), which presets
/// it ships (each citing its source), and how to make a configured <see cref="IDevice"/> from resolved settings.
/// A host finds implementations by reflection (a public sealed class with a public parameterless constructor) and
/// keys them by <see cref="Name"/>.
/// </summary>
/// <remarks>
/// Everything crossing this boundary is a primitive or a record of primitives, and randomness comes in through
/// <see cref="IRandomSource"/>, so a model written in F# implements it as comfortably as one in C#. Contract version
/// and compatibility policy: <see cref="ContractVersion"/>.
/// </remarks>
public interface IDeviceModel
{
    /// <summary>A short unique name scripts use, e.g. "nvm", "pcm" (compared case-insensitively).</summary>
    string Name { get; }

    /// <summary>The model's own version, e.g. "1.0.0".</summary>
    string Version { get; }

    /// <summary>One line saying what the model is and where it comes from.</summary>
    string Description { get; }

    /// <summary>Every parameter the model takes (may be empty), with ranges, units and defaults.</summary>
    IReadOnlyList<DeviceParameter> Parameters { get; }

    /// <summary>Named parameter sets citing their sources (may be empty).</summary>
    IReadOnlyList<DevicePreset> Presets { get; }

    /// <summary>
    /// The device with <paramref name="settings"/> (every parameter present and in range; the host checks this with
    /// <see cref="DeviceSettings.Resolve"/> first). Must not keep mutable state shared between configured devices.
    /// </summary>
    /// <param name="settings">The resolved parameter values.</param>
    IDevice Configure(DeviceSettings settings);
}
