using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// <see cref="LearnedInputRange"/>: a trainable range b per layer; the rows see clip(x/b) quantized to <c>bits</c> levels
/// (float when unset) and the digital result is b times the tile's output. Relaxed or straight-through in training (as the
/// network's other quantizers, <see cref="Gradient"/>), hard as deployed, identity in Float.
/// </summary>
internal sealed class LearnedInputDac : IInputStage
{
    private readonly int? _bits;
    private readonly bool _signed;

    internal LearnedInputDac(int? bits, bool signed, double initial)
    {
        (_bits, _signed) = (bits, signed);
        Range = Tensor<float>.Parameter(1, 1);
        Range.Values[0] = (float)initial;
    }

    /// <summary>The learned range b (1×1).</summary>
    internal Tensor<float> Range { get; }

    internal WeightGradient Gradient { get; set; } = WeightGradient.Ste;

    public string Name => $"DAC {(_bits is int b ? $"{b}-bit" : "float")} learned range (b = {Range.Values[0]:G4})";

    public float Scale { get; private set; } = 1;

    public float[]? RowScales => null;

    public IReadOnlyList<Tensor<float>> Parameters => [Range];

    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x, NetworkPhase phase)
    {
        if (phase == NetworkPhase.Float) { Scale = 1; return x; }
        Scale = Range.Values[0];
        return tape.ClipQuantize(x, Range, _bits ?? 0, _signed, phase == NetworkPhase.Train ? Gradient : WeightGradient.Ste);
    }
}
