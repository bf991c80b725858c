namespace HwDsl.Compiler;

/// <summary>The events of one tile per inference (one input image or vector).</summary>
/// <param name="Tile">Where the tile sits in its layer.</param>
/// <param name="Mvms">Matrix-vector multiplications: 1 for a dense layer, one per output position for a convolution.</param>
/// <param name="DacConversions">Input conversions: one per used row and MVM.</param>
/// <param name="AdcConversions">Output conversions: one per used column and MVM (a differential pair's two currents are
/// subtracted before the converter).</param>
/// <param name="CellReads">Cells read: used rows × used columns × cells per weight, per MVM.</param>
public sealed record TileCounts(TileBounds Tile, long Mvms, long DacConversions, long AdcConversions, long CellReads);
