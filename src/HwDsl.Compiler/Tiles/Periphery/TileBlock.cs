namespace HwDsl.Compiler;

/// <summary>
/// One tile's outputs (or their gradient) during a forward (backward) pass: <see cref="Batch"/> rows of the tile's
/// <see cref="Columns"/> columns, a view into the row block's batch × <see cref="Stride"/> buffer starting at column
/// <see cref="Column0"/>; and the tile's input block (batch × rows). Stages change <see cref="Row"/> in place.
/// </summary>
public readonly ref struct TileBlock
{
    private readonly Span<float> _data;
    private readonly ReadOnlySpan<float> _input;

    internal TileBlock(Span<float> data, int batch, int stride, int column0, int columns, ReadOnlySpan<float> input, int inputColumns)
    {
        _data = data;
        Batch = batch;
        Stride = stride;
        Column0 = column0;
        Columns = columns;
        _input = input;
        InputColumns = inputColumns;
    }

    /// <summary>Input vectors (the batch).</summary>
    public int Batch { get; }

    /// <summary>Columns of the whole row block (the layer's outputs).</summary>
    public int Stride { get; }

    /// <summary>The tile's first column in the layer.</summary>
    public int Column0 { get; }

    /// <summary>The tile's columns.</summary>
    public int Columns { get; }

    /// <summary>The tile's rows (inputs of its row block).</summary>
    public int InputColumns { get; }

    /// <summary>The tile's outputs for input vector <paramref name="i"/> (its columns only), to change in place.</summary>
    public Span<float> Row(int i) => _data.Slice(i * Stride + Column0, Columns);

    /// <summary>The tile's input vector <paramref name="i"/> (empty in a backward pass).</summary>
    public ReadOnlySpan<float> Input(int i) => _input.IsEmpty ? [] : _input.Slice(i * InputColumns, InputColumns);
}
