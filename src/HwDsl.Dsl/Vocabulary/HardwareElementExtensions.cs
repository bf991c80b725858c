using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Hardware vocabulary: the conductance elements (on/off ratio, non-linearity, asymmetry) and the weight range.</summary>
public static class HardwareElementExtensions
{
    /// <summary>Gmax/Gmin of the elements: &gt; 1, or <see cref="double.PositiveInfinity"/> for Gmin = 0 (HW0102). Default ∞. G- uses it too unless <c>NegativeElement</c> says otherwise.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="ratio">Gmax/Gmin.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T OnOffRatio<T>(this T scope, double ratio, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.OnOffRatio, ratio, file, line);
        return scope;
    }

    /// <summary>Non-linearity nu of <c>f(u) = (1 - exp(-nu u)) / (1 - exp(-nu))</c>: finite, |nu| ≤ 20 (HW0107); 0 is linear (the default).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="nu">nu.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T NonLinearity<T>(this T scope, double nu, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.NonLinearity, nu, file, line);
        return scope;
    }

    /// <summary>Asymmetry a of a differential pair: G- is scaled by <c>1 + a</c>; -1 &lt; a &lt; 1 (HW0106), 0 is symmetric (the default). Refused for a single element (HW0131).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="a">a.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Asymmetry<T>(this T scope, double a, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Asymmetry, a, file, line);
        return scope;
    }

    /// <summary>How w_max is chosen per layer: <see cref="HwDsl.WeightRange.MaxAbs"/> (the default), <see cref="HwDsl.WeightRange.Fixed"/> (&gt; 0, HW0111), <see cref="HwDsl.WeightRange.Learned"/> (trained; HardwareAware only, HW0310) or <see cref="HwDsl.Rounding.FittedScale"/>.</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="range">The weight range.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T WeightRange<T>(this T scope, HwDsl.WeightRange range, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.Range, range, file, line);
        return scope;
    }

    /// <summary>Gives G- of a differential pair its own on/off ratio and non-linearity (r-, nu-); unset ones follow G+. Refused for a single element (HW0131).</summary>
    /// <typeparam name="T">The scope type.</typeparam>
    /// <param name="scope">Hardware or a layer.</param>
    /// <param name="element">Settings of G-, e.g. <c>e =&gt; e.OnOffRatio(8).NonLinearity(1.5)</c>.</param>
    public static T NegativeElement<T>(this T scope, Action<ElementBuilder> element)
        where T : HardwareScope
    {
        ArgumentNullException.ThrowIfNull(element);
        element(new ElementBuilder(scope.Settings));
        return scope;
    }
}
