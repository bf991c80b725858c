using HwDsl.Autodiff;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// A binary dense layer (or a convolution's kernel matrix, applied to every receptive field) on a crossbar of (possibly defective) devices: float shadow weights W, binarized by sign with a
/// straight-through gradient, stored as device states; y = α·(x·W_eff) + b with a learned scale α (batch-norm free,
/// initialised to 1/√inputs) and a digital bias b. W_eff = k ⊙ sign(W) + o per die (see <see cref="BinaryDeviceMapping"/>):
/// <list type="bullet">
/// <item>Float: ideal devices (the software binary network);</item>
/// <item>Train: the training die (per-die or statistics-aware), ideal when none;</item>
/// <item>Deployed: the die being evaluated.</item>
/// </list>
/// </summary>
public sealed class BinaryDenseLayer : ILayer<float>
{
    private readonly IWeightLayer<float> _dense;
    private readonly float[] _idealK, _idealO, _trainK, _trainO, _deployK, _deployO;
    private ArrayDefects? _trainingDie;

    internal BinaryDenseLayer(IWeightLayer<float> dense, BoundLayer bound, AnalogArray array)
    {
        _dense = dense;
        Bound = bound;
        Array = array;
        var hardware = bound.Hardware;
        Mapping = bound.BinaryMapping ?? throw new ArgumentException($"layer {bound.Index} is not binary.", nameof(bound));
        Scale = Tensor<float>.Parameter(1, 1);
        Scale.Values[0] = 1f / MathF.Sqrt(dense.Weights.Rows);
        var n = dense.Weights.Length;
        (_idealK, _idealO, _trainK, _trainO, _deployK, _deployO) = (new float[n], new float[n], new float[n], new float[n], new float[n], new float[n]);
        Mapping.Affine(null, _idealK, _idealO);
        Mapping.Affine(null, _trainK, _trainO);
        Mapping.Affine(null, _deployK, _deployO);
        Shape = new ArrayShape(hardware.Index, dense.Weights.Rows, dense.Weights.Cols, hardware.Mapping == WeightMapping.DifferentialPair ? 2 : 1);
    }

    /// <summary>The layer as bound: every hardware value final, its device, binary mapping and tiles.</summary>
    public BoundLayer Bound { get; }

    /// <summary>The resolved hardware of this layer (the device's own values applied).</summary>
    public LayerHardware Hardware => Bound.Hardware;

    /// <summary>The crossbar array (tiles and periphery) the layer computes through.</summary>
    public AnalogArray Array { get; }

    /// <summary>States → conductances → effective weights.</summary>
    public BinaryDeviceMapping Mapping { get; }

    /// <summary>The device array's shape (what a die map of this layer must match).</summary>
    public ArrayShape Shape { get; }

    /// <summary>Float shadow weights (inputs×outputs); the deployed state is sign(W).</summary>
    public Tensor<float> Weights => _dense.Weights;

    /// <summary>Digital bias (1×outputs).</summary>
    public Tensor<float> Bias => _dense.Bias;

    /// <summary>The learned scale α (1×1).</summary>
    public Tensor<float> Scale { get; }

    internal NetworkPhase Phase { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters => [.. _dense.Parameters, Scale];

    /// <summary>Uses <paramref name="die"/> in the training forward pass (null: ideal devices).</summary>
    public void SetTrainingDie(ArrayDefects? die)
    {
        Mapping.Affine(die, _trainK, _trainO);
        _trainingDie = die;
    }

    /// <summary>Deploys onto <paramref name="die"/> (null: ideal devices) for the Deployed phase: the effective weights' affine
    /// form, the cells' conductances (<see cref="AnalogArray.Positive"/>/<see cref="AnalogArray.Negative"/>) and the
    /// periphery's per-tile state.</summary>
    public void SetDeployedDie(ArrayDefects? die)
    {
        Mapping.Affine(die, _deployK, _deployO);
        WriteConductances(die);
        Array.Program(new ProgramContext(0, 0, Hardware.Index, die is not null, 0));
    }

    /// <summary>Deploys onto the training die (a per-epoch test of per-die training), else ideal devices.</summary>
    internal void DeployTrainingDie() => SetDeployedDie(_trainingDie);

    /// <summary>The effective weights α·(k ⊙ sign(W) + o) the deployed layer computes with (inputs×outputs).</summary>
    public float[] DeployedWeights()
    {
        var w = new float[Weights.Length];
        var a = Scale.Values[0];
        var ws = Weights.Values;
        for (var i = 0; i < w.Length; i++) w[i] = a * (_deployK[i] * (ws[i] >= 0 ? 1f : -1f) + _deployO[i]);
        return w;
    }

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
    {
        var (k, o) = Phase switch
        {
            NetworkPhase.Float => (_idealK, _idealO),
            NetworkPhase.Train => (_trainK, _trainO),
            _ => (_deployK, _deployO),
        };
        var w = tape.DieWeights(tape.Sign(Weights), Scale, k, o);
        return Array.Forward(tape, x, w, Bias, Phase);
    }

    /// <inheritdoc />
    public string Describe() => $"{_dense.Describe()} binary on {Hardware.Device} ({Hardware.Mapping}, {Array.Tiles})";

    // Each weight's device(s) hold the conductance of its state sign(W) on the die: one device against the reference,
    // or a complementary pair (G⁺ at s, G⁻ at −s).
    private void WriteConductances(ArrayDefects? die)
    {
        var w = Weights.Values;
        var pair = Hardware.Mapping == WeightMapping.DifferentialPair;
        for (var i = 0; i < w.Length; i++)
        {
            var s = w[i] >= 0 ? 1 : -1;
            var (state, value) = die is null ? (DeviceState.Ok, 1f) : (die.States[i * die.Elements], die.Values[i * die.Elements]);
            Array.Positive[i] = Mapping.Conductance(state, value, s);
            if (!pair) { Array.Negative[i] = Mapping.Reference; continue; }
            var (stateN, valueN) = die is null ? (DeviceState.Ok, 1f) : (die.States[i * die.Elements + 1], die.Values[i * die.Elements + 1]);
            Array.Negative[i] = Mapping.Conductance(stateN, valueN, -s);
        }
    }
}
