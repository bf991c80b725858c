using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// <see cref="DynamicInputRange"/>: per input vector and row block of tiles, α = max|x| (each tile row block has its own
/// DAC), the rows see x/α quantized to <c>bits</c> levels (float when unset), and the digital result is α times the tile's
/// output (<see cref="RowScales"/>). Acts in training and as deployed; the straight-through gradient is the identity.
/// </summary>
internal sealed class DynamicInputDac(int? bits, bool signed, TileGrid grid) : IInputStage
{
    private readonly int[] _starts = [.. Enumerable.Range(0, grid.RowBlocks).Select(grid.RowStart), grid.Rows];
    private float[] _scales = [];
    private bool _scaled;

    public string Name => $"DAC {(bits is int b ? $"{b}-bit" : "float")} dynamic range (max|x| per vector and row block)";

    public float Scale => 1;

    public float[]? RowScales => _scaled ? _scales : null;

    public IReadOnlyList<Tensor<float>> Parameters => [];

    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x, NetworkPhase phase)
    {
        _scaled = phase != NetworkPhase.Float;
        if (!_scaled) return x;
        var n = x.Rows * (_starts.Length - 1);
        if (_scales.Length < n) _scales = new float[n];
        return tape.RowScaledQuantize(x, _starts, bits ?? 0, signed, _scales);
    }
}
