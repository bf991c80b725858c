using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Hardware vocabulary: stochastic non-idealities.</summary>
public static class HardwareNoiseExtensions
{
    /// <summary>Device-to-device / programming variation: each programmed conductance gets Gaussian noise of <paramref name="sigma"/> Gmax, drawn once per deployment; 0..0.5 (HW0112). Default 0.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="sigma">sigma, a fraction of Gmax.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T ProgrammingNoise<T>(this T scope, double sigma, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.ProgrammingSigma, sigma, file, line);
        return scope;
    }

    /// <summary>Read noise: Gaussian noise of <paramref name="sigma"/> Gmax on every read; 0..0.5 (HW0113). Default 0.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="sigma">sigma, a fraction of Gmax.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T ReadNoise<T>(this T scope, double sigma, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.ReadSigma, sigma, file, line);
        return scope;
    }
}
