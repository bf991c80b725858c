namespace HwDsl.Compiler;

/// <summary>Where one tile sits in its layer's array: rows <c>[Row0, Row0 + Rows)</c> (inputs) and columns
/// <c>[Column0, Column0 + Columns)</c> (outputs).</summary>
/// <param name="Index">The tile's index in its layer (row block · column blocks + column block).</param>
/// <param name="RowBlock">Its row block.</param>
/// <param name="ColumnBlock">Its column block.</param>
/// <param name="Row0">First input row.</param>
/// <param name="Rows">Rows used.</param>
/// <param name="Column0">First output column.</param>
/// <param name="Columns">Columns used.</param>
public readonly record struct TileBounds(int Index, int RowBlock, int ColumnBlock, int Row0, int Rows, int Column0, int Columns);
