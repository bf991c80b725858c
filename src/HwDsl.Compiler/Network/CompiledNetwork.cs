using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// The training graph compiled from an experiment spec: weight layers, dense or convolutional (hardware-mapped or digital),
/// pooling, activations and quantizers in order. One object computes all three <see cref="NetworkPhase"/>s over the same parameters, so a
/// float-trained network can be deployed (naive mapping) and a hardware-aware one evaluated as deployed.
/// </summary>
public sealed class CompiledNetwork : ILayer<float>, IEpochAware, IStatefulModel
{
    private readonly RelaxationSpec? _relaxation;
    private NetworkPhase _phase;

    internal CompiledNetwork(IReadOnlyList<ILayer<float>> layers, NetworkPhase trainingPhase, RelaxationSpec? relaxation, BoundExperiment bound)
    {
        Layers = layers;
        Bound = bound;
        TrainingPhase = trainingPhase;
        _relaxation = relaxation;
        Parameters = [.. layers.SelectMany(l => l.Parameters)];
        Phase = trainingPhase;
    }

    /// <summary>The bound experiment the network was compiled from (what runs, with every value final).</summary>
    public BoundExperiment Bound { get; }

    /// <summary>All layers in order.</summary>
    public IReadOnlyList<ILayer<float>> Layers { get; }

    /// <summary>The multi-level analog weight layers, dense and convolutional (a convolution's kernel matrix on its array).</summary>
    public IEnumerable<HardwareDenseLayer> HardwareLayers => Layers.OfType<HardwareDenseLayer>();

    /// <summary>The binary (device-state) weight layers, dense and convolutional.</summary>
    public IEnumerable<BinaryDenseLayer> BinaryLayers => Layers.OfType<BinaryDenseLayer>();

    /// <summary>The crossbar arrays of every analog layer, in order.</summary>
    public IEnumerable<AnalogArray> Arrays => Layers.Select(l => l switch
    {
        HardwareDenseLayer h => h.Array,
        BinaryDenseLayer b => b.Array,
        _ => null,
    }).OfType<AnalogArray>();

    // Every quantizer the relaxation anneals: activations between layers and the arrays' input DACs.
    private IEnumerable<QuantizedActivationLayer> Quantizers => Layers.OfType<QuantizedActivationLayer>()
        .Concat(Arrays.SelectMany(a => a.InputStages).OfType<InputDac>().Select(d => d.Quantizer));

    /// <summary>The phase training runs in: Float (float and naive-mapping modes) or Train (hardware-aware).</summary>
    public NetworkPhase TrainingPhase { get; }

    /// <summary>The phase every layer computes in now.</summary>
    public NetworkPhase Phase
    {
        get => _phase;
        set
        {
            _phase = value;
            foreach (var layer in Layers)
                switch (layer)
                {
                    case HardwareDenseLayer h: h.Phase = value; break;
                    case QuantizedActivationLayer q: q.Phase = value; break;
                    case BinaryDenseLayer b: b.Phase = value; break;
                }
        }
    }

    /// <summary>The relaxation sharpness β in use (NaN for the straight-through estimator).</summary>
    public double Beta { get; private set; } = double.NaN;

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters { get; }

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
    {
        foreach (var layer in Layers) x = layer.Forward(tape, x);
        return x;
    }

    /// <summary>Sets β for the epoch (geometric annealing from the spec's start to its end value), or STE from the epoch a
    /// relaxation annealed into STE switches.</summary>
    public void BeginEpoch(int epoch, int epochs)
    {
        var gradient = _relaxation is SigmoidRelaxation s && !s.IsSteAt(epoch) ? WeightGradient.Relaxed(Beta = s.BetaAt(epoch, epochs)) : WeightGradient.Ste;
        if (gradient == WeightGradient.Ste) Beta = double.NaN;
        foreach (var layer in HardwareLayers) layer.Gradient = gradient;
        foreach (var q in Quantizers) q.Gradient = gradient;
        foreach (var dac in Arrays.SelectMany(a => a.InputStages).OfType<LearnedInputDac>()) dac.Gradient = gradient;
    }

    /// <summary>Hardware-aware training is tested each epoch as deployed without noise; float training in float.</summary>
    public void BeginEvaluation()
    {
        if (TrainingPhase != NetworkPhase.Train) return;
        Deploy(seed: 0, sample: 0, noise: false);
        Phase = NetworkPhase.Deployed;
    }

    /// <inheritdoc />
    public void EndEvaluation() => Phase = TrainingPhase;

    /// <summary>Programs every hardware layer from the current weights; with <paramref name="noise"/>, sample
    /// <paramref name="sample"/> of the programming and read noise drawn from <paramref name="seed"/>, read
    /// <paramref name="seconds"/> after programming (drifting devices). <paramref name="read"/> numbers the reads of one
    /// programming: the programmed cells are the same, the read noise is drawn anew. Stages with a calibrated state (an ADC
    /// with a calibrated range) are then calibrated on <see cref="Calibration"/> — on the first read (0) only, as part of
    /// programming; later reads keep that calibration.</summary>
    public void Deploy(int seed, int sample, bool noise, double seconds = 0, int read = 0)
    {
        foreach (var layer in HardwareLayers) layer.Deploy(seed, sample, noise, seconds, read);
        foreach (var layer in BinaryLayers) layer.DeployTrainingDie();
        if (read == 0) NetworkPeriphery.Calibrate(this);
    }

    /// <summary>The calibration batch of periphery stages calibrated after programming (the first rows of the training
    /// split, <see cref="CalibratedAdcRange.CalibrationRows"/>); set by the runner before training.</summary>
    public DataSplit? Calibration { get; set; }

    /// <summary>The pool the network's own passes after programming run on (the calibration pass); null: one thread. The
    /// runner sets it to the run's pool, so that a run's thread count holds there too.</summary>
    public Kernels.MacPool? Pool { get; set; }

    // The calibration pass's tape, kept so that its buffers are reused by every programming (a new tape per calibration
    // allocated some 15 MB of large-object buffers each time, and the collections cost more than the pass).
    private Tape<float>? _calibrationTape;

    internal Tape<float> CalibrationTape()
    {
        var pool = Pool ?? _calibrationTape?.Pool ?? new Kernels.MacPool(1);
        if (_calibrationTape is null || _calibrationTape.Pool != pool) _calibrationTape = new Tape<float>(pool) { Recording = false };
        return _calibrationTape;
    }

    /// <summary>Global drift compensation in the next deployed passes (needs <see cref="CaptureDriftReference"/> after the
    /// programming it refers to, and a spec that asks for compensation or OverTime).</summary>
    public bool DriftCompensation
    {
        get => Arrays.SelectMany(a => a.OutputStages).OfType<DriftCompensationStage>().Any(s => s.Enabled);
        set => NetworkPeriphery.Compensate(this, value);
    }

    /// <summary>Stores every tile's calibration read of the last programming as the drift-compensation reference c₀.</summary>
    public void CaptureDriftReference() => NetworkPeriphery.CaptureDriftReference(this);

    /// <summary>Saturated and converted ADC outputs per analog layer since the last <see cref="ResetSaturation"/>.</summary>
    public IReadOnlyList<LayerSaturation> Saturation => NetworkPeriphery.Saturation(this);

    /// <summary>Starts counting ADC saturations anew.</summary>
    public void ResetSaturation() => NetworkPeriphery.ResetSaturation(this);

    /// <summary>True when some hardware layer draws noise when deployed: the hardware description's σ or the device's own.</summary>
    public bool IsNoisy => HardwareLayers.Any(h => h.Hardware.IsNoisy || h.Levels.HasIntrinsicNoise);

    /// <summary>Copies every parameter from a network of the same topology (e.g. float-trained weights to deploy on other hardware).</summary>
    public void CopyParametersFrom(CompiledNetwork other)
    {
        if (other.Parameters.Count != Parameters.Count || other.Parameters.Zip(Parameters).Any(p => p.First.Length != p.Second.Length))
            throw new ArgumentException("the networks differ in topology; parameters cannot be copied.");
        foreach (var (from, to) in other.Parameters.Zip(Parameters)) from.Values.CopyTo(to.Values);
    }

    /// <summary>The state of the layers that keep some (a statistics-aware die resampler's position), concatenated in layer order.</summary>
    public byte[] SaveState() => [.. Layers.OfType<IStatefulModel>().SelectMany(l => l.SaveState())];

    /// <summary>Restores <see cref="SaveState"/>'s bytes; each stateful layer's part has a fixed size.</summary>
    public void LoadState(ReadOnlySpan<byte> state)
    {
        foreach (var layer in Layers.OfType<IStatefulModel>())
        {
            var size = layer.SaveState().Length;
            if (state.Length < size) throw new ArgumentException("the saved model state is shorter than this network's.");
            layer.LoadState(state[..size]);
            state = state[size..];
        }
        if (state.Length > 0) throw new ArgumentException("the saved model state is longer than this network's.");
    }

    /// <inheritdoc />
    public string Describe() => string.Join(" → ", Layers.Select(l => l.Describe()));
}
