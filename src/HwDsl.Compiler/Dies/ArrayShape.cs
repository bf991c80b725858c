namespace HwDsl.Compiler;

/// <summary>The shape of one binary array: weight-layer index, rows (inputs; a convolution's C·k·k), columns (outputs), devices per weight.</summary>
public sealed record ArrayShape(int Layer, int Rows, int Cols, int Elements);
