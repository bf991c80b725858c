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
}
