using System.Collections.Concurrent;

namespace HwDsl;

/// <summary>Named hardware presets. Built in: <see cref="Ideal"/>; scripts and plugins add their own with <see cref="Register"/>.</summary>
public static class HardwarePresets
{
    private static readonly ConcurrentDictionary<string, HardwarePreset> Registry = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <c>ideal</c>: Gmin = 0 (on/off ratio ∞), linear (nu = 0), symmetric (a = 0), noiseless. Leaves bit widths alone,
    /// so <c>Preset("ideal").WeightBits(b)</c> isolates quantization.
    /// </summary>
    public static HardwarePreset Ideal { get; } = new(
        "ideal", "Ideal element: infinite on/off ratio, linear, symmetric, noiseless (no source needed)",
        h => h.OnOffRatio(double.PositiveInfinity).NonLinearity(0).Asymmetry(0).ProgrammingNoise(0).ReadNoise(0));

    static HardwarePresets() => Register(Ideal);

    /// <summary>Adds or replaces a preset, found afterwards by name (case-insensitive).</summary>
    /// <param name="preset">The preset.</param>
    public static void Register(HardwarePreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentException.ThrowIfNullOrWhiteSpace(preset.Name);
        Registry[preset.Name] = preset;
    }

    /// <summary>The preset called <paramref name="name"/>, or null.</summary>
    /// <param name="name">Preset name (case-insensitive).</param>
    public static HardwarePreset? Find(string name) => Registry.TryGetValue(name, out var p) ? p : null;

    /// <summary>All registered preset names, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Registry.Keys.Order(StringComparer.OrdinalIgnoreCase)];
}
