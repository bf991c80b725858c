namespace HwDsl.Compiler;

/// <summary>
/// The events of one weight layer per inference, counted from its bound hardware alone (tiles, mapping, bits, periphery),
/// and its one-time programming. A digital layer has no tiles: it counts <see cref="DigitalMacs"/> and biases.
/// </summary>
/// <param name="Layer">0-based weight-layer index.</param>
/// <param name="Digital">True for a digital (float) layer.</param>
/// <param name="Positions">Output positions per inference: 1 for a dense layer, H'·W' for a convolution.</param>
/// <param name="CellsPerWeight">2 for a differential pair, 1 for a single element against a reference (0 when digital).</param>
/// <param name="AdcBits">The ADC resolution: the layer's <c>Adc</c> stage, else the technology's <c>UndeclaredAdcBits</c>.</param>
/// <param name="AdcDeclared">True when the layer declares an <c>Adc</c> stage.</param>
/// <param name="DacBits">The DAC resolution: the layer's <c>InputBits</c>, else the technology's <c>UndeclaredInputBits</c>.</param>
/// <param name="Tiles">Per tile, in index order (empty when digital).</param>
/// <param name="Accumulations">Digital additions of partial sums across row blocks: positions × outputs × (row blocks − 1).</param>
/// <param name="Scalings">Digital scalings of outputs by w_max·α: positions × outputs (0 when digital).</param>
/// <param name="Biases">Digital bias additions: positions × outputs.</param>
/// <param name="DigitalMacs">Float multiply-accumulates of a digital layer: positions × inputs × outputs.</param>
/// <param name="ProgrammedCells">Cells programmed once: inputs × outputs × cells per weight.</param>
/// <param name="ProgrammingPulses">Pulses to program them, at most 2^bits − 1 per cell (an incremental pulse train from the reset
/// state to the top level; 1 for binary cells).</param>
public sealed record LayerCounts(
    int Layer, bool Digital, long Positions, int CellsPerWeight, int AdcBits, bool AdcDeclared, int DacBits, IReadOnlyList<TileCounts> Tiles,
    long Accumulations, long Scalings, long Biases, long DigitalMacs, long ProgrammedCells, long ProgrammingPulses)
{
    /// <summary>MVMs over every tile.</summary>
    public long Mvms => Tiles.Sum(t => t.Mvms);

    /// <summary>DAC conversions over every tile.</summary>
    public long DacConversions => Tiles.Sum(t => t.DacConversions);

    /// <summary>ADC conversions over every tile (all at <see cref="AdcBits"/>).</summary>
    public long AdcConversions => Tiles.Sum(t => t.AdcConversions);

    /// <summary>Cell reads over every tile.</summary>
    public long CellReads => Tiles.Sum(t => t.CellReads);
}
