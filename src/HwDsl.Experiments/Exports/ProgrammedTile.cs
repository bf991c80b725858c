namespace HwDsl.Experiments;

/// <summary>
/// One programmed crossbar tile of one layer for one deployed sample: the block of weights it holds
/// (rows <see cref="RowOffset"/>.., columns <see cref="ColOffset"/>.. of the layer's inputs×outputs matrix) and, per
/// weight in C order, the effective weight the deployed network computes with and the two conductances behind it:
/// G⁺ and G⁻ of a differential pair, or G and the reference of a single element (normalized to the positive
/// element's Gmax = 1). Conductances are null where the layer cannot say (binary layers today).
/// </summary>
/// <param name="Layer">Dense layer index.</param>
/// <param name="Tile">Tile index within the layer (row-major over its tile grid).</param>
/// <param name="RowOffset">First input row of the tile.</param>
/// <param name="ColOffset">First output column of the tile.</param>
/// <param name="Rows">Rows of the tile.</param>
/// <param name="Cols">Columns of the tile.</param>
/// <param name="Mapping"><c>differential_pair</c>, <c>single_with_reference</c> or <c>binary</c>.</param>
/// <param name="WeightRange">w_max: w_eff = w_max·(G⁺ − G⁻) (w_max·2·(G − ref) for a single element).</param>
/// <param name="Effective">Deployed effective weights (Rows×Cols).</param>
/// <param name="Positive">G⁺ (or G) per weight, or null.</param>
/// <param name="Negative">G⁻ (or the reference) per weight, or null.</param>
/// <param name="Conductances"><c>programmed</c> (what the tile holds for this sample: programming noise in, read noise not), <c>target</c> (what programming aimed at) or <c>read</c> (what was read).</param>
public sealed record ProgrammedTile(
    int Layer, int Tile, int RowOffset, int ColOffset, int Rows, int Cols, string Mapping, double WeightRange,
    float[] Effective, float[]? Positive, float[]? Negative, string Conductances);
