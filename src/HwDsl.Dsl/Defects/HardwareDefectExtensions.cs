using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Hardware vocabulary: binary weights, defective devices and device-to-device variation (Borders et al. 2023).</summary>
public static class HardwareDefectExtensions
{
    /// <summary>
    /// Binary weights: each weight is ±1, stored as a device state — G1 (parallel / on) for +1 and G0 (antiparallel / off)
    /// for −1 against the reference (G0 + G1)/2, or in a complementary pair (G1, G0) / (G0, G1) with
    /// <see cref="WeightMapping.DifferentialPair"/>. The layer computes <c>y = α·(x·W_eff) + b</c> with a learned
    /// per-layer scale α (batch-norm free) and a digital bias b.
    /// </summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Binary<T>(this T scope, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Binary, true, file, line);
        return scope;
    }

    /// <summary>
    /// Defective devices, per conductance element: <c>h.Defects(d =&gt; d.Shorted(Dist.Beta(0.02, 0.01)).Open(0.005))</c>.
    /// Each die draws its rates (HW0501–HW0503); the kinds set here replace inherited ones, the others are kept.
    /// </summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="defects">Declares the rates.</param>
    public static T Defects<T>(this T scope, Action<DefectsBuilder> defects) where T : HardwareScope
    {
        ArgumentNullException.ThrowIfNull(defects);
        var d = new DefectsBuilder();
        defects(d);
        foreach (var (kind, setting) in d.Rates) scope.Settings.Set(kind, setting);
        return scope;
    }

    /// <summary>
    /// Device-to-device variation: every working device's conductance is multiplied by <c>1 + σ·z</c>, z standard normal,
    /// drawn once per die (clipped at 0); σ in [0, 0.5] (HW0504). Default 0.
    /// </summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="sigma">Relative standard deviation of a device's conductance.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T DeviceToDevice<T>(this T scope, double sigma, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.DeviceToDevice, sigma, file, line);
        return scope;
    }
}
