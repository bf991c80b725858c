using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Crossbar tiles: how large one array is, so a layer larger than it is split over several.</summary>
public static class HardwareTileExtensions
{
    /// <summary>
    /// Each crossbar tile holds at most <paramref name="rows"/> inputs × <paramref name="columns"/> outputs (1..4096 each,
    /// HW0150; default <see cref="Hardware.DefaultTileRows"/> × <see cref="Hardware.DefaultTileColumns"/>). A layer with more
    /// inputs or outputs is split over several tiles, each with its own periphery; their partial sums are added digitally.
    /// Programming does not depend on the tile size (the same seed programs the same conductances), so a tile-size sweep
    /// compares the same programmed network under different peripheries.
    /// </summary>
    /// <typeparam name="T">The scope (hardware or one layer).</typeparam>
    /// <param name="scope">The hardware or a layer override.</param>
    /// <param name="rows">Word lines (inputs) per tile.</param>
    /// <param name="columns">Bit lines (outputs) per tile.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static T TileSize<T>(this T scope, int rows, int columns, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : HardwareScope
    {
        scope.Settings.Set(HwKey.TileSize, (rows, columns), file, line);
        return scope;
    }
}
