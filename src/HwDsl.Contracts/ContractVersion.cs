namespace HwDsl.Contracts;

/// <summary>
/// The version of the device-plugin contract in this assembly.
/// <para>
/// Policy: a host loads a plugin built against the same <see cref="Major"/> and a <see cref="Minor"/> not newer than
/// its own, and refuses any other with a message naming the plugin, its version and this one. Adding a member with a
/// default, a new record or a new optional interface bumps the minor version; changing or removing anything a plugin
/// implements or calls bumps the major one (such a plugin would fail at load or, worse, at first call).
/// </para>
/// <para>
/// History: 1.0 — transfer curve and additive noise with one normal draw per call. 2.0 — a model is configured from
/// described parameters and presets (<see cref="IDeviceModel.Configure"/>) into an <see cref="IDevice"/> that draws
/// its own randomness from <see cref="IRandomSource"/>, keeps per-cell state (<see cref="CellState"/>), drifts over
/// time and declares its defects and noise sizes. 2.1 — an optional <see cref="IDeviceEnergy"/> declares a cell's read and
/// programming energy for the cost model.
/// </para>
/// </summary>
public static class ContractVersion
{
    /// <summary>Incremented on breaking changes to the contract.</summary>
    public const int Major = 2;

    /// <summary>Incremented on backward-compatible additions.</summary>
    public const int Minor = 1;

    /// <summary>"Major.Minor", e.g. "2.0".</summary>
    public static string Text => $"{Major}.{Minor}";

    /// <summary>
    /// True when a plugin built against contract <paramref name="major"/>.<paramref name="minor"/> can run on this one:
    /// the same major version and a minor version not newer than <see cref="Minor"/>.
    /// </summary>
    /// <param name="major">The plugin's contract major version.</param>
    /// <param name="minor">The plugin's contract minor version.</param>
    public static bool IsCompatible(int major, int minor) => major == Major && minor >= 0 && minor <= Minor;
}
