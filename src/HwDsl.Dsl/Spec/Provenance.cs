namespace HwDsl;

/// <summary>
/// Where one value came from: <see cref="ValueSource.Explicit"/> with the calling file and line,
/// <see cref="ValueSource.Preset"/> with the preset's name (and where the preset was applied), or <see cref="ValueSource.Default"/>.
/// </summary>
/// <param name="Source">Explicit, preset or default.</param>
/// <param name="File">The caller's file (the script path for .csx), or null for defaults.</param>
/// <param name="Line">The caller's 1-based line, or 0.</param>
/// <param name="Preset">The preset's name when <paramref name="Source"/> is <see cref="ValueSource.Preset"/>; the device (and its
/// preset, <c>pcm/nandakumar2019</c>) when it is <see cref="ValueSource.Device"/>.</param>
public sealed record Provenance(ValueSource Source, string? File, int Line, string? Preset)
{
    /// <summary>A DSL default.</summary>
    public static Provenance Default { get; } = new(ValueSource.Default, null, 0, null);

    /// <summary>Set explicitly at <paramref name="file"/>(<paramref name="line"/>).</summary>
    /// <param name="file">Caller file.</param>
    /// <param name="line">Caller line.</param>
    public static Provenance Explicit(string file, int line) => new(ValueSource.Explicit, file, line, null);

    /// <summary>Set by preset <paramref name="preset"/>, applied at <paramref name="file"/>(<paramref name="line"/>).</summary>
    /// <param name="preset">Preset name.</param>
    /// <param name="file">Where the preset was applied.</param>
    /// <param name="line">Line of that call.</param>
    public static Provenance FromPreset(string preset, string file, int line) => new(ValueSource.Preset, file, line, preset);

    /// <summary>Supplied by device model <paramref name="device"/> (and its preset <paramref name="preset"/>, if any) when binding.</summary>
    /// <param name="device">The device model's name.</param>
    /// <param name="preset">The device preset in use, or null.</param>
    public static Provenance FromDevice(string device, string? preset = null) => new(ValueSource.Device, null, 0, preset is null ? device : $"{device}/{preset}");

    /// <summary>True when a source location is known.</summary>
    public bool HasLocation => !string.IsNullOrEmpty(File);

    /// <summary>Compiler-style location, <c>file(line)</c>, or empty.</summary>
    public string Location => HasLocation ? $"{File}({Line})" : "";

    /// <summary>Short marker for debug views: <c>rram.csx:4</c>, <c>preset 'ideal'</c>, or <c>default</c>.</summary>
    public override string ToString() => Source switch
    {
        ValueSource.Explicit => HasLocation ? $"{System.IO.Path.GetFileName(File)}:{Line}" : "explicit",
        ValueSource.Preset => $"preset '{Preset}'",
        ValueSource.Device => $"device '{Preset}'",
        _ => "default",
    };
}
