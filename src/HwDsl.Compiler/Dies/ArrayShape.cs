namespace HwDsl.Compiler;

/// <summary>The shape of one binary array: Dense layer index, rows (inputs), columns (outputs), devices per weight.</summary>
public sealed record ArrayShape(int Layer, int Rows, int Cols, int Elements);
