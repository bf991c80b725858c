using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Hardware vocabulary: bit widths of weights, inputs and activations.</summary>
public static class HardwareBitsExtensions
{
    /// <summary>Bits per element, 1..16 (HW0103): <c>L = 2^b</c> conductance levels. Default 8.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="bits">Bits per element.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T WeightBits<T>(this T scope, int bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.WeightBits, bits, file, line);
        return scope;
    }

    /// <summary>Bits of the layer's inputs (the DAC), 1..16 (HW0104), or null for float inputs (the default).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="bits">Input bits, or null.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T InputBits<T>(this T scope, int? bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.InputBits, bits, file, line);
        return scope;
    }

    /// <summary>Bits of the layer's output activation, 1..16 (HW0105), or null for float (the default): <c>a_q = step clip(round(a/step), 0, 2^b - 1)</c>. Needs a bounded, unsigned activation after the layer: ClippedRelu or Sign (HW0121); ignored on the last layer when inherited, refused when set on it (HW0122).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="bits">Activation bits, or null.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T ActivationBits<T>(this T scope, int? bits, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.ActivationBits, bits, file, line);
        return scope;
    }
}
