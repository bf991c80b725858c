using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// The input DAC: inputs quantized to 2^bits levels over [0, range] (<see cref="QuantizedActivationLayer"/>: identity in
/// Float, relaxed or straight-through in Train, hard as deployed).
/// </summary>
public sealed class InputDac(int bits, float range) : IInputStage
{
    /// <summary>The quantizer (its relaxation is set per epoch with the network's).</summary>
    public QuantizedActivationLayer Quantizer { get; } = new(bits, range);

    /// <inheritdoc />
    public string Name => $"DAC {Quantizer.Bits}-bit [0, {Quantizer.Range}]";

    /// <inheritdoc />
    public float Scale => Quantizer.Range;

    /// <inheritdoc />
    public float[]? RowScales => null;

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters => [];

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x, NetworkPhase phase)
    {
        Quantizer.Phase = phase;
        return Quantizer.Forward(tape, x);
    }
}
