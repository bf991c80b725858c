using HwDsl.Autodiff;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// The training graph of a core network. Each core owns connection parameters W (axons×neurons, kept in [0, 1]) and a
/// real-valued leak b (1×neurons). Forward: pixels are encoded as axon spike probabilities (0/1 for threshold encoding,
/// the intensity for stochastic encoding); each core gathers its axons, turns W into connections — the probabilities
/// themselves (<see cref="CoreTrainingMethod.Probabilistic"/>) or [W ≥ 0.5] with a straight-through gradient
/// (<see cref="CoreTrainingMethod.LearnedBinary"/>) — and gives its neurons' spike probabilities by the Gaussian
/// approximation; the readout sums them per class (times the readout scale) as logits, every output core giving every class
/// <see cref="CoreNetworkSpec.PerClass"/> / cores neurons. With hard spikes in every layer the forward pass is exactly
/// what the deployed cores compute (one tick, threshold encoding).
/// </summary>
public sealed class CoreNetwork : ILayer<float>
{
    private readonly float[][] _axonWeights;
    private readonly int[][][] _sources;
    private readonly int[] _classOf;

    /// <summary>Builds the network for <paramref name="spec"/> with parameters drawn from <paramref name="seed"/>: W ~ U(0, 1), b = 0.</summary>
    public CoreNetwork(CoreNetworkSpec spec, CoreTrainingSpec training, int seed)
    {
        Spec = spec;
        Training = training;
        Layout = new CoreLayout(spec);
        _classOf = spec.ClassOfNeurons();
        var rng = new SeededRandom((ulong)seed, 0x7e4);
        var connections = new List<Tensor<float>[]>();
        var leaks = new List<Tensor<float>[]>();
        _axonWeights = new float[spec.Layers.Count][];
        _sources = [.. Enumerable.Range(0, spec.Layers.Count).Select(l => Enumerable.Range(0, spec.Layers[l].Cores).Select(c => Layout.Sources(l, c)).ToArray())];
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var layer = spec.Layers[l];
            _axonWeights[l] = [.. Layout.AxonWeights(l).Select(s => (float)s)];
            var w = new Tensor<float>[layer.Cores];
            var b = new Tensor<float>[layer.Cores];
            for (var c = 0; c < layer.Cores; c++)
            {
                w[c] = Tensor<float>.Parameter(layer.Axons, layer.Neurons);
                for (var k = 0; k < w[c].Length; k++) w[c].Values[k] = (float)rng.NextDouble();
                b[c] = Tensor<float>.Parameter(1, layer.Neurons);
            }
            connections.Add(w);
            leaks.Add(b);
        }
        Connections = connections;
        Leaks = leaks;
        Parameters = [.. connections.Zip(leaks).SelectMany(p => p.First.Zip(p.Second).SelectMany(q => new[] { q.First, q.Second }))];
    }

    /// <summary>The network's spec.</summary>
    public CoreNetworkSpec Spec { get; }

    /// <summary>How it is trained.</summary>
    public CoreTrainingSpec Training { get; }

    /// <summary>The resolved wiring.</summary>
    public CoreLayout Layout { get; }

    /// <summary>W per layer and core: connection probabilities, or shadow weights binarized at 0.5.</summary>
    public IReadOnlyList<Tensor<float>[]> Connections { get; }

    /// <summary>The real-valued leak b per layer and core (deployed as the integer leak ⌊b⌋ + θ).</summary>
    public IReadOnlyList<Tensor<float>[]> Leaks { get; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<float>> Parameters { get; }

    /// <inheritdoc />
    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
    {
        // Projection onto [0, 1] after each optimizer step (done here, before the weights are used).
        foreach (var w in Connections.SelectMany(c => c))
            System.Numerics.Tensors.TensorPrimitives.Clamp(w.Values, 0f, 1f, w.Values);
        var input = Encode(tape, x);
        var smoothing = (float)Training.Smoothing;
        var binarize = Training.Method == CoreTrainingMethod.LearnedBinary;
        for (var l = 0; l < Spec.Layers.Count; l++)
        {
            var hard = l < Spec.Layers.Count - 1 ? Training.HardHiddenSpikes : Training.HardOutputSpikes;
            if (Fused)
            {
                input = tape.CoreLayer(input, _sources[l], Connections[l], binarize, _axonWeights[l], Leaks[l], smoothing, hard);
                continue;
            }
            var outputs = new Tensor<float>[Spec.Layers[l].Cores];
            for (var c = 0; c < outputs.Length; c++)
            {
                var axons = tape.GatherColumns(input, Layout.Sources(l, c));
                var w = Connections[l][c];
                var connections = binarize ? tape.Binarize(w) : w;
                outputs[c] = tape.GaussianSpike(axons, connections, _axonWeights[l], Leaks[l][c], smoothing, hard);
            }
            input = outputs.Length == 1 ? outputs[0] : tape.ConcatColumns(outputs);
        }
        return tape.GroupSum(input, _classOf, Spec.Classes, (float)Training.ReadoutScale);
    }

    /// <summary>
    /// Each layer as one <see cref="CoreLayerOp"/> (cores in parallel, sparse products for spikes), or, when false, as the
    /// op-by-op composition it reproduces bit for bit (the reference the tests compare against).
    /// </summary>
    internal bool Fused { get; set; } = true;

    /// <inheritdoc />
    public string Describe() => $"cores {Spec} ({Training.Method})";

    private Tensor<float> Encode(Tape<float> tape, Tensor<float> x)
    {
        if (Spec.Encoding == InputEncoding.Stochastic) return x;
        var spikes = tape.Output(x.Rows, x.Cols, false);
        var threshold = (float)Spec.EncodingThreshold;
        for (var k = 0; k < x.Length; k++) spikes.Values[k] = x.Values[k] >= threshold ? 1f : 0f;
        return spikes;
    }
}
