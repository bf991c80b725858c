namespace HwDsl;

/// <summary>
/// The name of one value the DSL records: how messages call it (<see cref="Name"/>, e.g. <c>ProgrammingNoise</c>) and its
/// path in the spec's provenance (<see cref="Path"/>, e.g. <c>ProgrammingSigma</c> under <c>Layers[i].</c>). Every key
/// is a static field of a key class (<see cref="HwKey"/>, <see cref="TrainKey"/>, …), so a misspelled key does not compile,
/// and the value type travels with it (<see cref="SettingKey{T}"/>).
/// </summary>
internal abstract class SettingKey(string name, string path) : IEquatable<SettingKey>
{
    internal string Name { get; } = name;

    internal string Path { get; } = path;

    public bool Equals(SettingKey? other) => other is not null && Path == other.Path;

    public override bool Equals(object? obj) => obj is SettingKey k && Equals(k);

    public override int GetHashCode() => Path.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>A key whose values are of type <typeparamref name="T"/>.</summary>
internal sealed class SettingKey<T>(string name, string path) : SettingKey(name, path)
{
    /// <summary>A key named and pathed alike.</summary>
    internal SettingKey(string name) : this(name, name) { }
}
