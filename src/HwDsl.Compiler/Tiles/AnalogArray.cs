using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// The crossbar array an analog layer maps onto: its split over tiles (<see cref="Tiles"/>), the conductances its cells
/// were programmed to, and its periphery pipeline — input stages (the DAC and its range) → array stages (IR drop, folded
/// into effective conductances) → the array (x·W, W the effective weights w_max·(G⁺ − G⁻)) → output stages per tile (ADC,
/// noise, gain errors, drift compensation, …) → the digital sum of the tiles' partial outputs and the bias. Dense and
/// binary layers both compute through it, and so do convolutions: a Conv2d layer's array holds its kernel matrix, and each
/// receptive field of the image is one input vector to its rows.
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
    private NetworkPhase _phase;
    private long _pass;
    private float _scale = 1;
    private float[]? _rowScales;
    private int _batch;
    private Kernels.MacPool? _pool;

    /// <summary>An array for <paramref name="layer"/> with its stages in pipeline order.</summary>
    public AnalogArray(BoundLayer layer, IReadOnlyList<IInputStage> inputs, IReadOnlyList<IOutputStage> outputs)
        : this(layer, inputs, [], outputs)
    {
    }

    /// <summary>An array for <paramref name="layer"/> with its input, array and output stages in pipeline order.</summary>
    public AnalogArray(BoundLayer layer, IReadOnlyList<IInputStage> inputs, IReadOnlyList<IArrayStage> arrayStages, IReadOnlyList<IOutputStage> outputs)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        Tiles = layer.Tiles;
        InputStages = [.. inputs];
        ArrayStages = [.. arrayStages];
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

    /// <summary>The stages on the array's conductances, in order.</summary>
    public IReadOnlyList<IArrayStage> ArrayStages { get; }

    /// <summary>The stages between each tile and the digital sum, in order.</summary>
    public IReadOnlyList<IOutputStage> OutputStages { get; }

    /// <summary>G⁺ (or G) of every cell after the last programming, row-major over the layer (inputs × outputs), in units of Gmax.</summary>
    public double[] Positive { get; }

    /// <summary>G⁻ of every cell (the reference with a single element), row-major over the layer.</summary>
    public double[] Negative { get; }

    /// <summary>True once <see cref="Program(ProgramContext)"/> ran.</summary>
    public bool IsProgrammed { get; private set; }

    /// <summary>The effective weights the deployed layer multiplies with (inputs × outputs), as handed to the last
    /// <see cref="Program(ProgramContext, float[], float)"/> and changed there by the array stages.</summary>
    public ReadOnlyMemory<float> DeployedWeights { get; private set; }

    /// <summary>w_max: layer output units per unit of column current at full-scale input (set by the layer each pass).</summary>
    public float WeightScale { get; set; } = 1;

    /// <summary>Trainable parameters of the input stages (a learned input range).</summary>
    public IReadOnlyList<Tensor<float>> Parameters => [.. InputStages.SelectMany(s => s.Parameters)];

    /// <summary>Compute tile by tile even when no stage acts (tests compare it with the single product).</summary>
    internal bool PerTile { get; set; }

    /// <summary>G⁺ and G⁻ of one tile's cells, row-major (tile rows × tile columns): what an export writes per tile.</summary>
    public (double[] Positive, double[] Negative) TileConductances(TileBounds tile) => (Slice(Positive, tile), Slice(Negative, tile));

    /// <summary>After the layer wrote <see cref="Positive"/>/<see cref="Negative"/>: every output stage draws its per-tile state.</summary>
    public void Program(ProgramContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IsProgrammed = true;
        _pass = 0;
        foreach (var stage in OutputStages) stage.Program(this, context);
    }

    /// <summary>
    /// Programs a multi-level layer: the array stages fold each tile's conductances into effective ones and
    /// <paramref name="weights"/> (the deployed effective weights, w_max = <paramref name="weightScale"/>) are recomputed
    /// from them; then every output stage draws its per-tile state and may read <see cref="DeployedWeights"/>.
    /// </summary>
    public void Program(ProgramContext context, float[] weights, float weightScale)
    {
        ArgumentNullException.ThrowIfNull(weights);
        WeightScale = weightScale;
        if (ArrayStages.Count > 0) Fold(weights, weightScale);
        DeployedWeights = weights;
        Program(context);
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
        (_scale, _rowScales) = (1, null);
        foreach (var stage in InputStages)
        {
            x = stage.Forward(tape, x, phase);
            (_scale, _rowScales) = (stage.Scale, stage.RowScales);
        }
        _batch = x.Rows;
        _phase = phase;
        _pool = tape.Pool;
        _pass++;
        _active = [.. OutputStages.Where(s => s.ActsIn(phase))];
        return _active.Length == 0 && !PerTile
            ? tape.Dense(x, weights, bias)
            : tape.TiledMatMul(x, weights, bias, _rowStarts, this);
    }

    // A chunk is at most one noise chunk of rows, so a stage that splits its rows over the pool runs it on its caller.
    int ITileOutput<float>.ChunkRows(int rowBlock) => _active.All(s => s.RowWise(_phase)) ? Kernels.GaussianFill.ChunkRows : 0;

    void ITileOutput<float>.Forward(int rowBlock, int firstRow, ReadOnlySpan<float> input, int inputColumns, Span<float> partial, int rows, int columns)
    {
        var scales = RowScales(rowBlock);
        if (!scales.IsEmpty) scales = scales.Slice(firstRow, rows);
        for (var c = 0; c < Tiles.ColumnBlocks; c++)
        {
            var tile = Tiles.Tile(rowBlock, c);
            foreach (var stage in _active)
                stage.Forward(tile, new TileBlock(partial, rows, columns, tile.Column0, tile.Columns, input, inputColumns, _phase, _pass, WeightScale, _scale, scales, _pool, firstRow));
        }
    }

    void ITileOutput<float>.Backward(int rowBlock, Span<float> gradient, int batch, int columns)
    {
        var scales = RowScales(rowBlock);
        for (var c = 0; c < Tiles.ColumnBlocks; c++)
        {
            var tile = Tiles.Tile(rowBlock, c);
            for (var s = _active.Length - 1; s >= 0; s--)
                _active[s].Backward(tile, new TileBlock(gradient, batch, columns, tile.Column0, tile.Columns, [], 0, _phase, _pass, WeightScale, _scale, scales, _pool, 0));
        }
    }

    private ReadOnlySpan<float> RowScales(int rowBlock) =>
        _rowScales is null || _rowScales.Length < (rowBlock + 1) * _batch ? [] : _rowScales.AsSpan(rowBlock * _batch, _batch);

    // Each element array of each tile drops on its own wires; the weights follow from the effective conductances.
    private void Fold(float[] weights, float weightScale)
    {
        var pair = Layer.Hardware.Mapping == WeightMapping.DifferentialPair;
        var (p, n) = (Positive.ToArray(), Negative.ToArray());
        foreach (var tile in Tiles.Tiles)
        {
            var (tp, tn) = TileConductances(tile);
            foreach (var stage in ArrayStages)
            {
                stage.Apply(tp, tile.Rows, tile.Columns);
                if (pair) stage.Apply(tn, tile.Rows, tile.Columns);
            }
            Unslice(tp, p, tile);
            Unslice(tn, n, tile);
        }
        for (var i = 0; i < weights.Length; i++)
            weights[i] = (float)(weightScale * (pair ? p[i] - n[i] : 2 * (p[i] - n[i])));
    }

    private double[] Slice(double[] all, TileBounds tile)
    {
        var t = new double[tile.Rows * tile.Columns];
        for (var r = 0; r < tile.Rows; r++)
            all.AsSpan((tile.Row0 + r) * Tiles.Columns + tile.Column0, tile.Columns).CopyTo(t.AsSpan(r * tile.Columns));
        return t;
    }

    private void Unslice(double[] t, double[] all, TileBounds tile)
    {
        for (var r = 0; r < tile.Rows; r++)
            t.AsSpan(r * tile.Columns, tile.Columns).CopyTo(all.AsSpan((tile.Row0 + r) * Tiles.Columns + tile.Column0));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" → ", InputStages.Select(s => s.Name).Concat(ArrayStages.Select(s => s.Name)).Append($"array ({Tiles})")
            .Concat(OutputStages.Select(s => s.Name)).Append("digital sum + bias"));
}
