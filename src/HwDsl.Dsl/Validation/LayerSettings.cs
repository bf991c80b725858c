namespace HwDsl;

/// <summary>
/// The settings that apply to one layer: the experiment's hardware, then that layer's overrides in order (a later scope
/// wins), each value with the scope that set it (for messages such as <c>layers.Last.ActivationBits</c>).
/// </summary>
internal sealed class LayerSettings
{
    private readonly Dictionary<SettingKey, (Setting Setting, HardwareScope Scope)> merged = [];

    internal LayerSettings(IEnumerable<HardwareScope> scopes)
    {
        foreach (var scope in scopes)
            foreach (var (k, s) in scope.Settings.All) merged[k] = (s, scope);
    }

    internal bool Has(SettingKey key) => merged.ContainsKey(key);

    /// <summary>Every periphery stage set for this layer (one per name, the last setting of each), with where it was set.</summary>
    internal IEnumerable<(PeripheryStageSpec Stage, Provenance Where, HardwareScope Scope)> Stages =>
        merged.Where(m => HwKey.IsStage(m.Key)).Select(m => ((PeripheryStageSpec)m.Value.Setting.Value!, m.Value.Setting.Where, m.Value.Scope));

    /// <summary>The value (and its provenance) under <paramref name="key"/>, or <paramref name="fallback"/> as a default.</summary>
    internal Setting<T> Get<T>(SettingKey<T> key, T fallback) =>
        merged.TryGetValue(key, out var m) ? new Setting<T>((T)m.Setting.Value!, m.Setting.Where) : new Setting<T>(fallback, Provenance.Default);

    internal bool TryGet<T>(SettingKey<T> key, out Setting<T> setting, out HardwareScope scope)
    {
        if (merged.TryGetValue(key, out var m))
        {
            (setting, scope) = (new Setting<T>((T)m.Setting.Value!, m.Setting.Where), m.Scope);
            return true;
        }
        (setting, scope) = (default, null!);
        return false;
    }

    /// <summary>The recorded setting under <paramref name="key"/>, whatever its type.</summary>
    internal bool TryGetAny(SettingKey key, out Setting setting, out HardwareScope scope)
    {
        var found = merged.TryGetValue(key, out var m);
        (setting, scope) = (m.Setting, m.Scope);
        return found;
    }

    /// <summary>How messages call <paramref name="key"/> on this layer: <c>layers[1].WeightBits</c>, or <c>WeightBits</c> when global.</summary>
    internal string Name(SettingKey key) => Prefix(merged.TryGetValue(key, out var m) ? m.Scope : null) + key.Name;

    internal static string Prefix(HardwareScope? scope) => scope is LayerOverride ? scope.ScopeName + "." : "";
}
