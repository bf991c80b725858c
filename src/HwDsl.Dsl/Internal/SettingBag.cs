namespace HwDsl;

/// <summary>
/// The mutable store behind every builder: parameter name -> (value, provenance). Values are recorded as given
/// and checked only at Build(), so every mistake in a script is reported at once.
/// </summary>
internal sealed class SettingBag
{
    private readonly Dictionary<string, Setting> values = new(StringComparer.Ordinal);

    internal IEnumerable<KeyValuePair<string, Setting>> All => values;

    internal void Set(string key, object? value, string file, int line) =>
        values[key] = new Setting(value, Provenance.Explicit(file, line));

    internal void Set(string key, Setting setting) => values[key] = setting;

    /// <summary>Sets from a preset unless the value was set explicitly (explicit calls win whatever their order).</summary>
    internal void SetFromPreset(string key, object? value, Provenance where)
    {
        if (values.TryGetValue(key, out var s) && s.Where.Source == ValueSource.Explicit) return;
        values[key] = new Setting(value, where);
    }

    internal bool TryGet(string key, out Setting setting) => values.TryGetValue(key, out setting);

    internal bool Has(string key) => values.ContainsKey(key);

    internal T Get<T>(string key, T fallback) => values.TryGetValue(key, out var s) ? (T)s.Value! : fallback;

    internal Setting GetOr(string key, object? fallback) =>
        values.TryGetValue(key, out var s) ? s : new Setting(fallback, Provenance.Default);

    internal SettingBag Clone()
    {
        var c = new SettingBag();
        foreach (var (k, v) in values) c.values[k] = v;
        return c;
    }
}

/// <summary>A value and where it came from.</summary>
internal readonly record struct Setting(object? Value, Provenance Where);
