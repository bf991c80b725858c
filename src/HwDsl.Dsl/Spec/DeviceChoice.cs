namespace HwDsl;

/// <summary>
/// How a layer's device model is configured: an optional preset of that device and parameter overrides on top of it
/// (the device's defaults fill the rest). Kept as data: the compiler resolves names and ranges against the device
/// catalog (HW0142–HW0146), naming the line that set each value (<c>Layers[i].DevicePreset</c>,
/// <c>Layers[i].DeviceParameters.&lt;name&gt;</c> in <see cref="ExperimentSpec.Provenance"/>).
/// </summary>
/// <param name="Preset">The device preset's name, or null for the device's defaults.</param>
/// <param name="Parameters">Overrides, in the order they were set (one per name).</param>
public sealed record DeviceChoice(string? Preset, IReadOnlyList<DeviceParameterValue> Parameters)
{
    /// <summary>The device's own defaults: no preset, no overrides.</summary>
    public static DeviceChoice Defaults { get; } = new(null, new EquatableList<DeviceParameterValue>([]));

    /// <inheritdoc />
    public bool Equals(DeviceChoice? other) => other is not null && Preset == other.Preset && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Preset);
        foreach (var p in Parameters) h.Add(p);
        return h.ToHashCode();
    }

    /// <summary>"preset 'x', a=1, b=2" or "defaults".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Preset is not null) parts.Add($"preset '{Preset}'");
        parts.AddRange(Parameters.Select(p => $"{p.Name}={Format.Value(p.Value)}"));
        return parts.Count == 0 ? "defaults" : string.Join(", ", parts);
    }
}
