using HwDsl.Autodiff;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// A dense layer whose weights live in differential pairs (or single elements) of a non-ideal device, computed through its
/// <see cref="AnalogArray"/>; or a convolution, whose (C·k·k) × F kernel matrix is programmed onto the array in the same
/// way (same levels, noise, tiles and periphery) and applied to every receptive field. It keeps float shadow weights W and a float (digital periphery) bias b; the array computes
/// y = x·W_eff + b (per tile, through its periphery) where W_eff is
/// <list type="bullet">
/// <item>Float: W itself;</item>
/// <item>Train: w_max · S(W / w_max), S the relaxed staircase (or the hard one with a straight-through gradient);</item>
/// <item>Deployed: w_max · (G⁺ − G⁻) of the programmed conductances (nearest achievable level, then programming and read noise).</item>
/// </list>
/// w_max is the layer's weight range: max |W| or the rounding-error-optimal scale (recomputed every pass, no gradient
/// through it), a fixed value, or a trained scalar (<see cref="LearnedWeightRange"/>: W_eff = s·R(S(W/s)), s learned).
/// </summary>
public sealed class HardwareDenseLayer : ILayer<float>
{
    private readonly IWeightLayer<float> _dense;
    private readonly Tensor<float>? _learnedRange;
    private float[]? _deployed;

    internal HardwareDenseLayer(IWeightLayer<float> dense, BoundLayer bound, AnalogArray array)
    {
        _dense = dense;
        Bound = bound;
        Array = array;
        Levels = bound.Levels ?? throw new ArgumentException($"layer {bound.Index} has no level table (it is digital or binary).", nameof(bound));
        if (bound.Hardware.Range is LearnedWeightRange)
        {
            // Starts where the fitted range would be for the initial weights: a deterministic, sensible clip.
            _learnedRange = Tensor<float>.Parameter(1, 1);
            _learnedRange.Values[0] = ScaleFit.Fit(dense.Weights.Values, Levels);
        }
    }

    /// <summary>The layer as bound: every hardware value final, its device, levels and tiles.</summary>
    public BoundLayer Bound { get; }

    /// <summary>The resolved hardware of this layer (the device's own values applied).</summary>
    public LayerHardware Hardware => Bound.Hardware;

    /// <summary>The crossbar array (tiles and periphery) the layer computes through.</summary>
    public AnalogArray Array { get; }

    /// <summary>The achievable effective weights (units of w_max) and how to program them.</summary>
    public WeightLevels Levels { get; }

    /// <summary>The float shadow weights (inputs×outputs).</summary>
    public Tensor<float> Weights => _dense.Weights;

    /// <summary>The bias (1×outputs), computed digitally.</summary>
    public Tensor<float> Bias => _dense.Bias;

    internal NetworkPhase Phase { get; set; }

    internal WeightGradient Gradient { get; set; } = WeightGradient.Ste;

    /// <summary>How weights pick their level when deployed (nearest or stochastic).</summary>
    public WeightRounding Rounding { get; init; } = WeightRounding.Nearest;

    /// <summary>Noise injected per mini-batch in noise-aware training, or null.</summary>
    internal TrainingNoiseDraws? Noise { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters => _learnedRange is null
        ? [.. _dense.Parameters, .. Array.Parameters]
        : [.. _dense.Parameters, _learnedRange, .. Array.Parameters];

    /// <summary>The weight range w_max the mapping uses now.</summary>
    public float WeightRange => Hardware.Range switch
    {
        FixedWeightRange f => (float)f.Value,
        FittedWeightRange => ScaleFit.Fit(Weights.Values, Levels),
        LearnedWeightRange => _learnedRange!.Values[0],
        _ => Math.Max(MaxAbs(Weights.Values), float.Epsilon),
    };

    /// <summary>The deployed effective weights after <see cref="Deploy"/> (inputs×outputs), for inspection and tests.</summary>
    public ReadOnlySpan<float> DeployedWeights => _deployed ?? throw new InvalidOperationException("the layer has not been deployed yet.");

    /// <summary>Programs the current shadow weights into the array: nearest level, then (with <paramref name="noise"/>) the
    /// device's programming, drift to <paramref name="seconds"/> and read noise, drawn from (seed, sample, layer); the
    /// conductances land in <see cref="AnalogArray.Positive"/>/<see cref="AnalogArray.Negative"/> and the periphery
    /// stages draw their per-tile state. <paramref name="read"/> numbers the reads of the same programming (read noise drawn
    /// anew, programming draws the same).</summary>
    public void Deploy(int seed, int sample, bool noise, double seconds = 0, int read = 0)
    {
        _deployed ??= new float[Weights.Length];
        if (Rounding == WeightRounding.Stochastic)
        {
            // The spec refuses stochastic rounding with noise (HW0701), so there is nothing else to draw.
            StochasticRounding.Deploy(Weights.Values, WeightRange, Levels, _deployed, (ulong)seed, sample, Hardware.Index, Array.Positive, Array.Negative);
        }
        else
        {
            Levels.Deploy(Weights.Values, WeightRange, _deployed, noise
                ? new DeployNoise(Hardware.ProgrammingSigma, Hardware.ReadSigma, (ulong)seed, sample, Hardware.Index) { Seconds = seconds, Intrinsic = Levels.HasIntrinsicNoise, Read = read }
                : DeployNoise.None, Array.Positive, Array.Negative);
        }
        Array.Program(new ProgramContext(seed, sample, Hardware.Index, noise, seconds) { Read = read }, _deployed, WeightRange);
    }

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x) => Phase switch
    {
        NetworkPhase.Float => Array.Forward(tape, x, Weights, Bias, Phase),
        NetworkPhase.Train => Array.Forward(tape, x, TrainingWeights(tape), Bias, Phase),
        _ => Array.Forward(tape, x, Tensor<float>.Constant(_deployed ?? throw new InvalidOperationException("deploy the network before evaluating it as deployed."), Weights.Rows, Weights.Cols), Bias, Phase),
    };

    // w_max·S(W/w_max), and in noise-aware training plus a fresh draw of what programming and reading do to each weight.
    private Tensor<float> TrainingWeights(Tape<float> tape)
    {
        var range = WeightRange;
        Array.WeightScale = range;
        var mapped = _learnedRange is null
            ? tape.MapToDevice(Weights, Levels.Response, Levels.Programming, range, Gradient)
            : tape.ScaleBy(tape.MapToDevice(tape.DivideBy(Weights, _learnedRange), Levels.Response, Levels.Programming, 1f, Gradient), _learnedRange);
        return Noise is null ? mapped : tape.AddNoise(mapped, Noise.Draw(this, range));
    }

    /// <inheritdoc />
    public string Describe() => $"{_dense.Describe()} on {Hardware.Device} ({Hardware.WeightBits}-bit {Hardware.Mapping}, {Array.Tiles})";

    private static float MaxAbs(ReadOnlySpan<float> values)
        => values.IsEmpty ? 0 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values));
}
