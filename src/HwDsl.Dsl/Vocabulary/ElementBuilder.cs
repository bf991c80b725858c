using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Settings of the G- element of a differential pair (see <see cref="HardwareElementExtensions.NegativeElement{T}"/>).</summary>
public sealed class ElementBuilder
{
    private readonly SettingBag settings;

    internal ElementBuilder(SettingBag settings) => this.settings = settings;

    /// <summary>r- = Gmax/Gmin of G-: &gt; 1 or ∞ (HW0108).</summary>
    /// <param name="ratio">Gmax/Gmin.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ElementBuilder OnOffRatio(double ratio, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        settings.Set(HwKey.NegativeOnOffRatio, ratio, file, line);
        return this;
    }

    /// <summary>nu- of G-: finite, |nu| ≤ 20 (HW0109).</summary>
    /// <param name="nu">nu.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ElementBuilder NonLinearity(double nu, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        settings.Set(HwKey.NegativeNonLinearity, nu, file, line);
        return this;
    }
}
