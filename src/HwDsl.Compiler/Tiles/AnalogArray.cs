using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// The crossbar array an analog layer maps onto: its split over tiles (<see cref="Tiles"/>), the conductances its cells
/// were programmed to, and its periphery pipeline — input stages (the DAC) → the array (x·W, W the effective weights
/// w_max·(G⁺ − G⁻)) → output stages per tile (ADC, noise, gain errors, …) → the digital sum of the tiles' partial outputs
/// and the bias. Dense and binary layers both compute through it, and so do convolutions: a Conv2d layer's array holds its
/// kernel matrix, and each receptive field of the image is one input vector to its rows.
/// <para>
/// When no output stage acts in the current phase, the digital sum of the tiles equals one product over the whole array
/// (up to float rounding), so it is computed as one GEMM; otherwise each row block of tiles is multiplied on its own and
/// its stages applied per tile before the sum (<see cref="TiledMatMulOp{T}"/>).
/// </para>
/// </summary>
public sealed class AnalogArray : ITileOutput<float>
{
    private readonly int[] _rowStarts;
    private IOutputStage[] _active = [];

    /// <summary>An array for <paramref name="layer"/> with its stages in pipeline order.</summary>
    public AnalogArray(BoundLayer layer, IReadOnlyList<IInputStage> inputs, IReadOnlyList<IOutputStage> outputs)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        Tiles = layer.Tiles;
        InputStages = [.. inputs];
        OutputStages = [.. outputs];
        _rowStarts = [.. Enumerable.Range(0, Tiles.RowBlocks).Select(Tiles.RowStart), Tiles.Rows];
        var cells = Tiles.Rows * Tiles.Columns;
        Positive = new double[cells];
        Negative = new double[cells];
    }

    /// <summary>The bound layer the array belongs to.</summary>
    public BoundLayer Layer { get; }

    /// <summary>How the array is split over tiles.</summary>
    public TileGrid Tiles { get; }

    /// <summary>The stages in front of the rows, in order.</summary>
    public IReadOnlyList<IInputStage> InputStages { get; }

    /// <summary>The stages between each tile and the digital sum, in order.</summary>
    public IReadOnlyList<IOutputStage> OutputStages { get; }

    /// <summary>G⁺ (or G) of every cell after the last programming, row-major over the layer (inputs × outputs), in units of Gmax.</summary>
    public double[] Positive { get; }

    /// <summary>G⁻ of every cell (the reference with a single element), row-major over the layer.</summary>
    public double[] Negative { get; }

    /// <summary>True once <see cref="Program"/> ran.</summary>
    public bool IsProgrammed { get; private set; }

    /// <summary>Compute tile by tile even when no stage acts (tests compare it with the single product).</summary>
    internal bool PerTile { get; set; }

    /// <summary>G⁺ and G⁻ of one tile's cells, row-major (tile rows × tile columns): what an export writes per tile.</summary>
    public (double[] Positive, double[] Negative) TileConductances(TileBounds tile)
    {
        var (p, n) = (new double[tile.Rows * tile.Columns], new double[tile.Rows * tile.Columns]);
        for (var r = 0; r < tile.Rows; r++)
        {
            Positive.AsSpan((tile.Row0 + r) * Tiles.Columns + tile.Column0, tile.Columns).CopyTo(p.AsSpan(r * tile.Columns));
            Negative.AsSpan((tile.Row0 + r) * Tiles.Columns + tile.Column0, tile.Columns).CopyTo(n.AsSpan(r * tile.Columns));
        }
        return (p, n);
    }

    /// <summary>After the layer wrote <see cref="Positive"/>/<see cref="Negative"/>: every output stage draws its per-tile state.</summary>
    public void Program(ProgramContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IsProgrammed = true;
        foreach (var stage in OutputStages) stage.Program(this, context);
    }

    /// <summary>y = digital sum over tiles of the output stages applied to x'·W per tile, plus <paramref name="bias"/>; x' is
    /// <paramref name="x"/> after the input stages. <paramref name="weights"/> are the effective weights (inputs × outputs).
    /// For a convolution (<see cref="BoundLayer.Convolution"/>) x is a batch of images and every receptive field goes through
    /// the pipeline as one input vector; the result is a batch of images again.</summary>
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x, Tensor<float> weights, Tensor<float> bias, NetworkPhase phase)
    {
        if (Layer.Convolution is not { } conv) return Product(tape, x, weights, bias, phase);
        // Without per-tile stages the sum over tiles is the convolution itself, computed directly; a fixed-range DAC maps each
        // pixel (and the zero padding to zero) as it would map every field that reads it. Otherwise field by field, as the array does.
        if (!PerTile && InputStages.All(s => s is InputDac) && !OutputStages.Any(s => s.ActsIn(phase)))
        {
            foreach (var stage in InputStages) x = stage.Forward(tape, x, phase);
            return tape.Conv2d(x, weights, bias, conv);
        }
        return tape.ImagesFromPositions(Product(tape, tape.PatchRows(x, conv), weights, bias, phase), conv);
    }

    private Tensor<float> Product(Tape<float> tape, Tensor<float> x, Tensor<float> weights, Tensor<float> bias, NetworkPhase phase)
    {
        foreach (var stage in InputStages) x = stage.Forward(tape, x, phase);
        _active = [.. OutputStages.Where(s => s.ActsIn(phase))];
        return _active.Length == 0 && !PerTile
            ? tape.Dense(x, weights, bias)
            : tape.TiledMatMul(x, weights, bias, _rowStarts, this);
    }

    void ITileOutput<float>.Forward(int rowBlock, ReadOnlySpan<float> input, int inputColumns, Span<float> partial, int batch, int columns)
    {
        for (var c = 0; c < Tiles.ColumnBlocks; c++)
        {
            var tile = Tiles.Tile(rowBlock, c);
            foreach (var stage in _active)
                stage.Forward(tile, new TileBlock(partial, batch, columns, tile.Column0, tile.Columns, input, inputColumns));
        }
    }

    void ITileOutput<float>.Backward(int rowBlock, Span<float> gradient, int batch, int columns)
    {
        for (var c = 0; c < Tiles.ColumnBlocks; c++)
        {
            var tile = Tiles.Tile(rowBlock, c);
            for (var s = _active.Length - 1; s >= 0; s--)
                _active[s].Backward(tile, new TileBlock(gradient, batch, columns, tile.Column0, tile.Columns, [], 0));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" → ", InputStages.Select(s => s.Name).Append($"array ({Tiles})").Concat(OutputStages.Select(s => s.Name)).Append("digital sum + bias"));
}
