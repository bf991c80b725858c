using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Device vocabulary: which preset of the layer's device model, and parameter overrides, e.g.
/// <c>hw.Device("pcm", preset: "nandakumar2019").DeviceParameter("drift_scale", 2)</c>. Names and ranges are the
/// device's own (listed by <c>hwdsl plugins</c>) and are checked by the compiler, which reports the line that set them.
/// A layer override that names another device does not inherit the experiment's device preset or parameters.
/// </summary>
public static class HardwareDeviceExtensions
{
    /// <summary>Starts from the device preset <paramref name="name"/> (non-empty, HW0140; unknown names are HW0143).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="name">A preset of the device, e.g. <c>"wan2022"</c>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T DevicePreset<T>(this T scope, string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.DevicePreset, name, file, line);
        return scope;
    }

    /// <summary>
    /// Sets the device parameter <paramref name="name"/> to <paramref name="value"/>, over the preset and the defaults
    /// (name non-empty and value finite, HW0141; unknown names HW0144, out-of-range values HW0145).
    /// </summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="name">A parameter the device declares, e.g. <c>"drift_scale"</c>.</param>
    /// <param name="value">Its value, in the parameter's unit.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T DeviceParameter<T>(this T scope, string name, double value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.DeviceParameter(name ?? ""), new DeviceParameterValue(name ?? "", value), file, line);
        return scope;
    }
}
