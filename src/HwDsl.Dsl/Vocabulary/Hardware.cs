using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Entry points of the hardware vocabulary. Unset values take the DSL defaults: device <c>nvm</c>, 8 weight bits,
/// float inputs and activations, on/off ratio ∞, linear, symmetric, <see cref="WeightRange.MaxAbs"/>, no noise.
/// </summary>
public static class Hardware
{
    /// <summary>Default device model name.</summary>
    public const string DefaultDevice = "nvm";

    /// <summary>Default weight bits per element.</summary>
    public const int DefaultWeightBits = 8;

    /// <summary>Rows (inputs) of a crossbar tile unless <c>TileSize</c> says otherwise (aihwkit's default mapping).</summary>
    public const int DefaultTileRows = 512;

    /// <summary>Columns (outputs) of a crossbar tile unless <c>TileSize</c> says otherwise.</summary>
    public const int DefaultTileColumns = 512;

    /// <summary>Two elements per weight, <c>w = alpha (G+ - G-)</c>; G- may differ (<c>Asymmetry</c>, <c>NegativeElement</c>).</summary>
    /// <param name="device">Device model name (the compiler resolves it); null keeps the default.</param>
    /// <param name="preset">A registered hardware preset to start from, e.g. <c>ideal</c>, or (with <paramref name="device"/>)
    /// one of that device's presets, e.g. <c>DifferentialPair("rram", "wan2022")</c>; null for none.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder DifferentialPair(string? device = null, string? preset = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Start(WeightMapping.DifferentialPair, device, preset, file, line);

    /// <summary>One element per weight against a fixed reference, <c>w = alpha (G - G_ref)</c>.</summary>
    /// <param name="device">Device model name; null keeps the default.</param>
    /// <param name="preset">A registered hardware preset, or (with <paramref name="device"/>) one of that device's presets; null for none.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder SingleElement(string? device = null, string? preset = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Start(WeightMapping.SingleWithReference, device, preset, file, line);

    /// <summary>
    /// Binary weights (Borders et al. 2023): ±1 as the two states of a device against a reference, or as a complementary
    /// pair with <paramref name="pair"/>; add <c>.Defects(...)</c> and <c>.DeviceToDevice(σ)</c> for defective dies.
    /// </summary>
    /// <param name="device">Device model name (e.g. <c>mtj</c>); null keeps the default.</param>
    /// <param name="preset">A registered preset to start from; null for none.</param>
    /// <param name="pair">True: a complementary differential pair per weight; false: one device against a reference.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder Binary(string? device = null, string? preset = null, bool pair = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Start(pair ? WeightMapping.DifferentialPair : WeightMapping.SingleWithReference, device, preset, file, line).Binary(file, line);

    /// <summary>Every layer digital: exact float MAC, no analog effects (a software baseline on "hardware").</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder Digital([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new HardwareBuilder().Digital(file, line);

    private static HardwareBuilder Start(WeightMapping mapping, string? device, string? preset, string file, int line)
    {
        var hw = new HardwareBuilder().Mapping(mapping, file, line);
        // With a device named, a preset that is not a hardware preset is that device's (checked by the compiler, HW0143).
        if (preset is not null && device is not null && HardwarePresets.Find(preset) is null) hw.Device(device, preset, file, line);
        else
        {
            if (preset is not null) hw.Preset(preset, file, line);
            if (device is not null) hw.Device(device, file: file, line: line);
        }
        return hw;
    }
}
