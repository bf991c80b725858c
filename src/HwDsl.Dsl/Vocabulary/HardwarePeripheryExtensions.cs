using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Periphery stages between each tile's array and the digital sum (see <see cref="PeripheryStageSpec"/>).</summary>
public static class HardwarePeripheryExtensions
{
    /// <summary>
    /// Adds <paramref name="stage"/> to the periphery of every tile of the scope's layers, e.g.
    /// <c>hw.Periphery(new ColumnGainError(0.02))</c> or <c>layers.Last.Periphery(new ColumnGainError(0))</c> (off on the last
    /// layer). A stage of the same name set later (here or in a per-layer override) replaces it; its values are checked at
    /// <c>Build()</c> by the stage's own rules.
    /// </summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="stage">The stage's values.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Periphery<T>(this T scope, PeripheryStageSpec stage, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        ArgumentNullException.ThrowIfNull(stage);
        scope.Settings.Set(HwKey.Stage(stage.Name), stage, file, line);
        return scope;
    }

    /// <summary>The column ADC of every tile: <c>.Adc(bits: 8, range: AdcRange.Calibrated(percentile: 99.9))</c> (see
    /// <see cref="HwDsl.Adc"/>); the default range is calibrated at the 99.9th percentile.</summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="bits">Resolution, 2..16 (HW0801).</param>
    /// <param name="range"><see cref="AdcRange.Fixed"/> or <see cref="AdcRange.Calibrated"/> (default).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T Adc<T>(this T scope, int bits, AdcRange? range = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope => scope.Periphery(new Adc(bits, range ?? AdcRange.Calibrated()), file, line);

    /// <summary>Output-referred noise redrawn on every MVM, σ in units of Gmax × full-scale input (see <see cref="HwDsl.OutputNoise"/>).</summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="sigma">σ, in [0, 10] (HW0804); 0 is off.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T OutputNoise<T>(this T scope, double sigma, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope => scope.Periphery(new OutputNoise(sigma), file, line);

    /// <summary>Conductance read noise redrawn on every MVM, σ a fraction of Gmax (see <see cref="HwDsl.ReadNoisePerMvm"/>).</summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="sigma">σ, in [0, 0.5] (HW0805); 0 is off.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T ReadNoisePerMvm<T>(this T scope, double sigma, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope => scope.Periphery(new ReadNoisePerMvm(sigma), file, line);

    /// <summary>IR drop on row and column wires, one segment's resistance times Gmax (see <see cref="HwDsl.IrDrop"/>).</summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="wire">r·Gmax, in [0, 0.01] (HW0806); 0 is off.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T IrDrop<T>(this T scope, double wire, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope => scope.Periphery(new IrDrop(wire), file, line);

    /// <summary>The input DAC's range: <see cref="HwDsl.InputRange.Fixed"/> (default 1), <see cref="HwDsl.InputRange.Dynamic"/>
    /// or <see cref="HwDsl.InputRange.Learned"/> (see <see cref="HwDsl.InputRange"/>).</summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="range">The range.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T InputRange<T>(this T scope, InputRange range, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope => scope.Periphery(range, file, line);
}
