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

    /// <summary>Two elements per weight, <c>w = alpha (G+ - G-)</c>; G- may differ (<c>Asymmetry</c>, <c>NegativeElement</c>).</summary>
    /// <param name="device">Device model name (the compiler resolves it); null keeps the default.</param>
    /// <param name="preset">A registered preset to start from, e.g. <c>ideal</c>; null for none.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder DifferentialPair(string? device = null, string? preset = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Start(WeightMapping.DifferentialPair, device, preset, file, line);

    /// <summary>One element per weight against a fixed reference, <c>w = alpha (G - G_ref)</c>.</summary>
    /// <param name="device">Device model name; null keeps the default.</param>
    /// <param name="preset">A registered preset to start from; null for none.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder SingleElement(string? device = null, string? preset = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Start(WeightMapping.SingleWithReference, device, preset, file, line);

    /// <summary>Every layer digital: exact float MAC, no analog effects (a software baseline on "hardware").</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder Digital([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new HardwareBuilder().Digital(file, line);

    private static HardwareBuilder Start(WeightMapping mapping, string? device, string? preset, string file, int line)
    {
        var hw = new HardwareBuilder().Mapping(mapping, file, line);
        if (preset is not null) hw.Preset(preset, file, line);
        if (device is not null) hw.Device(device, file: file, line: line);
        return hw;
    }
}
