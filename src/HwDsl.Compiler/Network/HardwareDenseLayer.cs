using HwDsl.Autodiff;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// A dense layer whose weights live in differential pairs (or single elements) of a non-ideal device. It keeps
/// float shadow weights W and a float (digital periphery) bias b, and computes y = x·W_eff + b where W_eff is
/// <list type="bullet">
/// <item>Float: W itself;</item>
/// <item>Train: w_max · S(W / w_max), S the relaxed staircase (or the hard one with a straight-through gradient);</item>
/// <item>Deployed: w_max · (G⁺ − G⁻) of the programmed conductances (nearest achievable level, then programming and read noise).</item>
/// </list>
/// w_max is the layer's weight range: max |W| (recomputed every pass, no gradient through it) or a fixed value.
/// </summary>
public sealed class HardwareDenseLayer : ILayer<float>
{
    private readonly DenseLayer<float> _dense;
    private float[]? _deployed;

    internal HardwareDenseLayer(DenseLayer<float> dense, LayerHardware hardware, WeightLevels levels)
    {
        _dense = dense;
        Hardware = hardware;
        Levels = levels;
    }

    /// <summary>The resolved hardware of this layer.</summary>
    public LayerHardware Hardware { get; }

    /// <summary>The achievable effective weights (units of w_max) and how to program them.</summary>
    public WeightLevels Levels { get; }

    /// <summary>The float shadow weights (inputs×outputs).</summary>
    public Tensor<float> Weights => _dense.Weights;

    /// <summary>The bias (1×outputs), computed digitally.</summary>
    public Tensor<float> Bias => _dense.Bias;

    internal NetworkPhase Phase { get; set; }

    internal WeightGradient Gradient { get; set; } = WeightGradient.Ste;

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters => _dense.Parameters;

    /// <summary>The weight range w_max the mapping uses now.</summary>
    public float WeightRange => Hardware.Range switch
    {
        FixedWeightRange f => (float)f.Value,
        _ => Math.Max(MaxAbs(Weights.Values), float.Epsilon),
    };

    /// <summary>The deployed effective weights after <see cref="Deploy"/> (inputs×outputs), for inspection and tests.</summary>
    public ReadOnlySpan<float> DeployedWeights => _deployed ?? throw new InvalidOperationException("the layer has not been deployed yet.");

    /// <summary>Programs the current shadow weights into the hardware: nearest level, then (with <paramref name="noise"/>) the
    /// device's programming, drift to <paramref name="seconds"/> and read noise, drawn from (seed, sample, layer).</summary>
    public void Deploy(int seed, int sample, bool noise, double seconds = 0)
    {
        _deployed ??= new float[Weights.Length];
        Levels.Deploy(Weights.Values, WeightRange, _deployed, noise
            ? new DeployNoise(Hardware.ProgrammingSigma, Hardware.ReadSigma, (ulong)seed, sample, Hardware.Index) { Seconds = seconds, Intrinsic = Levels.HasIntrinsicNoise }
            : DeployNoise.None);
    }

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x) => Phase switch
    {
        NetworkPhase.Float => _dense.Forward(tape, x),
        NetworkPhase.Train => Train(tape, x),
        _ => tape.Dense(x, Tensor<float>.Constant(_deployed ?? throw new InvalidOperationException("deploy the network before evaluating it as deployed."), Weights.Rows, Weights.Cols), Bias),
    };

    // weights → relaxed (or STE) intended level → what the device makes of it → dense.
    private Tensor<float> Train(Tape<float> tape, Tensor<float> x)
    {
        var effective = tape.MapToDevice(Weights, Levels.Response, Levels.Programming, WeightRange, Gradient);
        return tape.Dense(x, effective, Bias);
    }

    /// <inheritdoc />
    public string Describe() => $"{_dense.Describe()} on {Hardware.Device} ({Hardware.WeightBits}-bit {Hardware.Mapping})";

    private static float MaxAbs(ReadOnlySpan<float> values)
        => values.IsEmpty ? 0 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values));
}
