using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// One tile's outputs (or their gradient) during a forward (backward) pass: <see cref="Batch"/> rows of the tile's
/// <see cref="Columns"/> columns, a view into the row block's batch × <see cref="Stride"/> buffer starting at column
/// <see cref="Column0"/>; the tile's input block (batch × rows); where its rows start in the pass's batch; the phase and pass; and per input vector the factor
/// between the layer's output units and the tile's physical column current (<see cref="Scale"/>: w_max times the input's
/// full scale). Stages change <see cref="Row"/> in place.
/// </summary>
public readonly ref struct TileBlock
{
    private readonly Span<float> _data;
    private readonly ReadOnlySpan<float> _input;
    private readonly ReadOnlySpan<float> _scales;
    private readonly float _inputScale;

    internal TileBlock(Span<float> data, int batch, int stride, int column0, int columns, ReadOnlySpan<float> input, int inputColumns)
        : this(data, batch, stride, column0, columns, input, inputColumns, NetworkPhase.Deployed, 0, 1f, 1f, [], null, 0)
    {
    }

    internal TileBlock(Span<float> data, int batch, int stride, int column0, int columns, ReadOnlySpan<float> input, int inputColumns,
        NetworkPhase phase, long pass, float weightScale, float inputScale, ReadOnlySpan<float> scales, MacPool? pool, int firstRow)
    {
        Pool = pool;
        FirstRow = firstRow;
        _data = data;
        Batch = batch;
        Stride = stride;
        Column0 = column0;
        Columns = columns;
        _input = input;
        InputColumns = inputColumns;
        Phase = phase;
        Pass = pass;
        WeightScale = weightScale;
        _inputScale = inputScale;
        _scales = scales;
    }

    /// <summary>Input vectors: the batch, or one chunk of its rows (<see cref="FirstRow"/>).</summary>
    public int Batch { get; }

    /// <summary>Where row 0 of this block is in the pass's batch: 0, or the first row of a chunk when the array runs its
    /// stages chunk by chunk (a multiple of <see cref="Kernels.GaussianFill.ChunkRows"/>).</summary>
    public int FirstRow { get; }

    /// <summary>Columns of the whole row block (the layer's outputs).</summary>
    public int Stride { get; }

    /// <summary>The tile's first column in the layer.</summary>
    public int Column0 { get; }

    /// <summary>The tile's columns.</summary>
    public int Columns { get; }

    /// <summary>The tile's rows (inputs of its row block).</summary>
    public int InputColumns { get; }

    /// <summary>The phase of this pass (Train or Deployed).</summary>
    public NetworkPhase Phase { get; }

    /// <summary>The array's pass counter (forward passes since it was programmed, or since training started).</summary>
    public long Pass { get; }

    /// <summary>w_max of the layer: output units per unit of column current at full-scale input (α = 1).</summary>
    public float WeightScale { get; }

    /// <summary>The pool the pass runs on: a stage may split its rows over it (null: the calling thread).</summary>
    internal MacPool? Pool { get; }

    /// <summary>The whole row block's buffer (batch × <see cref="Stride"/>), for kernels that take rows at a stride.</summary>
    internal Span<float> Data => _data;

    /// <summary>The tile's outputs for input vector <paramref name="i"/> (its columns only), to change in place.</summary>
    public Span<float> Row(int i) => _data.Slice(i * Stride + Column0, Columns);

    /// <summary>The tile's input vector <paramref name="i"/> (empty in a backward pass).</summary>
    public ReadOnlySpan<float> Input(int i) => _input.IsEmpty ? [] : _input.Slice(i * InputColumns, InputColumns);

    /// <summary>Layer output units per unit of physical column current (Gmax × full-scale input) for input vector
    /// <paramref name="i"/>: w_max · α, α the input's full scale (per vector with a dynamic input range).</summary>
    public float Scale(int i) => WeightScale * (_scales.IsEmpty ? _inputScale : _scales[i]);
}
