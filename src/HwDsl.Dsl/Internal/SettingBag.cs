namespace HwDsl;

/// <summary>
/// The mutable store behind every builder: typed key → (value, provenance). Values are recorded as given and checked only
/// at Build(), so every mistake in a script is reported at once. The keys are typed (<see cref="SettingKey{T}"/>), so
/// what is stored under a key is always of the key's type.
/// </summary>
internal sealed class SettingBag
{
    private readonly Dictionary<SettingKey, Setting> values = [];

    internal IEnumerable<KeyValuePair<SettingKey, Setting>> All => values;

    internal void Set<T>(SettingKey<T> key, T value, string file, int line) =>
        values[key] = new Setting(value, Provenance.Explicit(file, line));

    internal void Set<T>(SettingKey<T> key, Setting<T> setting) => values[key] = new Setting(setting.Value, setting.Where);

    /// <summary>Copies a recorded setting as it is (clones, merges and presets keep the key's type).</summary>
    internal void Copy(SettingKey key, Setting setting) => values[key] = setting;

    /// <summary>Sets from a preset unless the value was set explicitly (explicit calls win whatever their order).</summary>
    internal void SetFromPreset(SettingKey key, object? value, Provenance where)
    {
        if (values.TryGetValue(key, out var s) && s.Where.Source == ValueSource.Explicit) return;
        values[key] = new Setting(value, where);
    }

    internal bool TryGet<T>(SettingKey<T> key, out Setting<T> setting)
    {
        if (values.TryGetValue(key, out var s))
        {
            setting = new Setting<T>((T)s.Value!, s.Where);
            return true;
        }
        setting = default;
        return false;
    }

    /// <summary>The recorded setting under <paramref name="key"/>, whatever its type (for checks that only report it).</summary>
    internal bool TryGetAny(SettingKey key, out Setting setting) => values.TryGetValue(key, out setting);

    internal bool Has(SettingKey key) => values.ContainsKey(key);

    internal Setting<T> GetOr<T>(SettingKey<T> key, T fallback) =>
        TryGet(key, out var s) ? s : new Setting<T>(fallback, Provenance.Default);

    internal SettingBag Clone()
    {
        var c = new SettingBag();
        foreach (var (k, v) in values) c.values[k] = v;
        return c;
    }
}

/// <summary>A recorded value of a key whose type is known only to the key (what clones, merges and presets copy).</summary>
internal readonly record struct Setting(object? Value, Provenance Where);

/// <summary>A value and where it came from.</summary>
internal readonly record struct Setting<T>(T Value, Provenance Where);
