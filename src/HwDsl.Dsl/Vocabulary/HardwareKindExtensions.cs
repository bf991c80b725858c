using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Hardware vocabulary: what kind of hardware (digital or analog, mapping, device, presets).</summary>
public static class HardwareKindExtensions
{
    /// <summary>
    /// Digital: an exact float MAC with no analog effects. Analog parameters set on this same scope are refused
    /// (HW0130); values inherited from the experiment's hardware are dropped for this layer.
    /// </summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Digital<T>(this T scope, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Digital, true, file, line);
        return scope;
    }

    /// <summary>Analog (the default): undoes a <c>Digital()</c> inherited from the experiment's hardware for one layer.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Analog<T>(this T scope, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Digital, false, file, line);
        return scope;
    }

    /// <summary>How signed weights map to conductances (analog).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="mapping">Differential pair or single element with reference.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Mapping<T>(this T scope, WeightMapping mapping, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Mapping, mapping, file, line);
        return scope;
    }

    /// <summary>
    /// Device model name, resolved by the compiler against the device catalog (default <c>nvm</c>; non-empty, HW0110;
    /// unknown names HW0142), optionally with one of that device's presets (HW0143), e.g.
    /// <c>.Device("rram", preset: "wan2022")</c>. Parameter overrides: <see cref="HardwareDeviceExtensions.DeviceParameter"/>.
    /// </summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="name">Device model name.</param>
    /// <param name="preset">A preset of that device, or null for its defaults.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Device<T>(this T scope, string name, string? preset = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Device, name, file, line);
        if (preset is not null) scope.DevicePreset(preset, file, line);
        return scope;
    }

    /// <summary>Applies a registered preset by name (see <see cref="HardwarePresets"/>); an unknown name is refused (HW0101).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="name">Preset name.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Preset<T>(this T scope, string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        var preset = name is null ? null : HardwarePresets.Find(name);
        if (preset is null)
        {
            scope.Pending.Add(new SpecError(RuleCodes.UnknownPreset, "Preset", Format.Value(name),
                $"Preset {Format.Value(name)} is not registered; known presets: {string.Join(", ", HardwarePresets.Names)}.",
                Provenance.Explicit(file, line)));
            return scope;
        }
        return scope.Preset(preset, file, line);
    }

    /// <summary>Applies <paramref name="preset"/>: its values fill every parameter not set explicitly on this scope.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="preset">The preset.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Preset<T>(this T scope, HardwarePreset preset, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        ArgumentNullException.ThrowIfNull(preset);
        var values = new HardwareBuilder();
        preset.Values(values);
        var where = Provenance.FromPreset(preset.Name, file, line);
        foreach (var (key, setting) in values.Settings.All)
            scope.Settings.SetFromPreset(key, setting.Value, where);
        foreach (var e in values.Pending) scope.Pending.Add(e with { Where = where });
        return scope;
    }
}
