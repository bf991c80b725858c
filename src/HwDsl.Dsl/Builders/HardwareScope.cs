namespace HwDsl;

/// <summary>
/// Something the hardware vocabulary applies to: a whole <see cref="HardwareBuilder"/> or one layer's
/// <see cref="LayerOverride"/>. The vocabulary itself (<c>WeightBits</c>, <c>OnOffRatio</c>, <c>Digital</c>, …) is
/// extension methods in topic files (<see cref="HardwareKindExtensions"/>, <see cref="HardwareBitsExtensions"/>,
/// <see cref="HardwareElementExtensions"/>, <see cref="HardwareNoiseExtensions"/>), so both scopes share it.
/// Values are recorded with the caller's file and line and checked at <c>Build()</c>.
/// </summary>
public abstract class HardwareScope
{
    private protected HardwareScope(SettingBag settings, List<SpecError> pending)
    {
        Settings = settings;
        Pending = pending;
    }

    internal SettingBag Settings { get; }

    /// <summary>Errors found while recording (e.g. an unknown preset name), reported at Build().</summary>
    internal List<SpecError> Pending { get; }

    /// <summary>What this scope is called in messages: <c>hardware</c>, <c>layers.First</c>, <c>layers[2]</c>.</summary>
    internal abstract string ScopeName { get; }
}
