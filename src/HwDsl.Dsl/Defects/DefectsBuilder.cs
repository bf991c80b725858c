using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Defect rates of one hardware scope: <c>d =&gt; d.Shorted(Dist.Beta(mean: 0.02, sd: 0.01)).Open(0.005)</c>.
/// Unset kinds are 0. Checked at Build() (HW0501, HW0502, HW0503).
/// </summary>
public sealed class DefectsBuilder
{
    internal DefectsBuilder() { }

    internal Dictionary<SettingKey<RateDistribution?>, Setting<RateDistribution?>> Rates { get; } = [];

    /// <summary>Open devices: stuck at Gmin (the antiparallel / off state), whatever is programmed.</summary>
    /// <param name="rate">A fixed fraction (a number) or a per-die distribution (<see cref="Dist"/>).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public DefectsBuilder Open(RateDistribution rate, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(HwKey.Open, rate, file, line);

    /// <summary>Shorted devices: stuck at Gmax (the parallel / on state), whatever is programmed.</summary>
    /// <param name="rate">A fixed fraction or a per-die distribution.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public DefectsBuilder Shorted(RateDistribution rate, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(HwKey.Shorted, rate, file, line);

    /// <summary>Devices stuck at a random level (uniform over the element's levels; Gmin or Gmax for a binary element).</summary>
    /// <param name="rate">A fixed fraction or a per-die distribution.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public DefectsBuilder StuckRandom(RateDistribution rate, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(HwKey.StuckRandom, rate, file, line);

    private DefectsBuilder Set(SettingKey<RateDistribution?> kind, RateDistribution rate, string file, int line)
    {
        Rates[kind] = new Setting<RateDistribution?>(rate, Provenance.Explicit(file, line));
        return this;
    }
}
