using HwDsl.Autodiff;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// Uniform quantization of an activation in [0, range] to 2^bits levels (a neuron's output or the input DAC):
/// identity in the Float phase, the relaxed staircase (or hard with a straight-through gradient) in Train, hard when deployed.
/// </summary>
public sealed class QuantizedActivationLayer(int bits, float range) : ILayer<float>
{
    /// <summary>Bits of the quantizer.</summary>
    public int Bits { get; } = bits;

    /// <summary>The full-scale value.</summary>
    public float Range { get; } = range;

    internal NetworkPhase Phase { get; set; }

    internal WeightGradient Gradient { get; set; } = WeightGradient.Ste;

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters => [];

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
    {
        switch (Phase)
        {
            case NetworkPhase.Float:
                return x;
            case NetworkPhase.Train when x.RequiresGrad:
                return tape.QuantizeActivations(x, Bits, Range, Gradient);
            default:
                var y = tape.Output(x.Rows, x.Cols, inputsRequireGrad: false);
                ActivationQuantizer.Hard(x.Values, Bits, Range, y.Values, tape.Pool);
                return y;
        }
    }

    /// <inheritdoc />
    public string Describe() => $"quantize {Bits}-bit [0, {Range}]";
}
