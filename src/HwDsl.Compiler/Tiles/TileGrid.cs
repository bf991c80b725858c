namespace HwDsl.Compiler;

/// <summary>
/// How a layer's array of <see cref="Rows"/> inputs × <see cref="Columns"/> outputs is split over crossbar tiles of at most
/// <see cref="TileRows"/> × <see cref="TileColumns"/>: row blocks (inputs) × column blocks (outputs), the last of each
/// possibly smaller. Tile t = (row block r, column block c) has index r·<see cref="ColumnBlocks"/> + c.
/// </summary>
/// <param name="Rows">The layer's inputs (word lines).</param>
/// <param name="Columns">The layer's outputs (bit lines).</param>
/// <param name="TileRows">Rows of one tile, ≥ 1.</param>
/// <param name="TileColumns">Columns of one tile, ≥ 1.</param>
public sealed record TileGrid(int Rows, int Columns, int TileRows, int TileColumns)
{
    /// <summary>Validated dimensions.</summary>
    public int Rows { get; init; } = Rows >= 1 ? Rows : throw new ArgumentOutOfRangeException(nameof(Rows), $"a layer has at least one input; got {Rows}.");

    /// <summary>Validated dimensions.</summary>
    public int Columns { get; init; } = Columns >= 1 ? Columns : throw new ArgumentOutOfRangeException(nameof(Columns), $"a layer has at least one output; got {Columns}.");

    /// <summary>Validated dimensions.</summary>
    public int TileRows { get; init; } = TileRows >= 1 ? TileRows : throw new ArgumentOutOfRangeException(nameof(TileRows), $"a tile has at least one row; got {TileRows}.");

    /// <summary>Validated dimensions.</summary>
    public int TileColumns { get; init; } = TileColumns >= 1 ? TileColumns : throw new ArgumentOutOfRangeException(nameof(TileColumns), $"a tile has at least one column; got {TileColumns}.");

    /// <summary>Row blocks: ⌈Rows / TileRows⌉.</summary>
    public int RowBlocks => (Rows + TileRows - 1) / TileRows;

    /// <summary>Column blocks: ⌈Columns / TileColumns⌉.</summary>
    public int ColumnBlocks => (Columns + TileColumns - 1) / TileColumns;

    /// <summary>Number of tiles.</summary>
    public int Count => RowBlocks * ColumnBlocks;

    /// <summary>True when one tile holds the whole layer.</summary>
    public bool IsSingle => Count == 1;

    /// <summary>Every tile, in index order.</summary>
    public IEnumerable<TileBounds> Tiles
    {
        get
        {
            for (var r = 0; r < RowBlocks; r++)
                for (var c = 0; c < ColumnBlocks; c++) yield return Tile(r, c);
        }
    }

    /// <summary>The tile of row block <paramref name="rowBlock"/> and column block <paramref name="columnBlock"/>.</summary>
    public TileBounds Tile(int rowBlock, int columnBlock)
    {
        var row0 = rowBlock * TileRows;
        var column0 = columnBlock * TileColumns;
        return new TileBounds(rowBlock * ColumnBlocks + columnBlock, rowBlock, columnBlock,
            row0, Math.Min(TileRows, Rows - row0), column0, Math.Min(TileColumns, Columns - column0));
    }

    /// <summary>First input of row block <paramref name="rowBlock"/>.</summary>
    public int RowStart(int rowBlock) => rowBlock * TileRows;

    /// <summary>Inputs of row block <paramref name="rowBlock"/>.</summary>
    public int RowCount(int rowBlock) => Math.Min(TileRows, Rows - rowBlock * TileRows);

    /// <inheritdoc />
    public override string ToString() => IsSingle
        ? $"1 tile of {TileRows}×{TileColumns} ({Rows}×{Columns} used)"
        : $"{Count} tiles of {TileRows}×{TileColumns} ({RowBlocks} row × {ColumnBlocks} column blocks for {Rows}×{Columns})";
}
