using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Where the exporter takes programmed tiles from after each deployment. <see cref="DeployedLayerTiles"/> reads today's
/// layers (one tile per layer, target conductances); an analog-tile implementation gives the tiles it programmed,
/// with the conductances it read.
/// </summary>
public interface IProgrammedTileSource
{
    /// <summary>Every analog tile of <paramref name="network"/> as it was last deployed.</summary>
    IReadOnlyList<ProgrammedTile> Tiles(CompiledNetwork network);
}
