using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// A core network as the chip computes it: binary crossbars c_ij, integer axon-type weights s_ij, integer leaks λ_j
/// and threshold θ. In a tick, neuron j of a core integrates V_j = Σ_i a_i·c_ij·s_ij + λ_j over its axons' spikes
/// a_i ∈ {0, 1} and spikes when V_j ≥ θ; the readout counts spikes per class over all ticks. The leak deploys the
/// trained real-valued b as λ = ⌊b⌋ + θ, which makes V ≥ θ exactly Σ + b ≥ 0 for the integer sum Σ.
/// </summary>
public sealed class DeployedCores
{
    private readonly bool[][][] _crossbars;
    private readonly int[][][] _leaks;
    private readonly int[][][] _rows;   // c_ij·s_ij per core, axons×neurons: what one spike on axon i adds
    private readonly int[][][] _fanOut; // Σ_j c_ij per axon: synaptic events one spike on axon i causes

    private DeployedCores(CoreLayout layout, bool[][][] crossbars, int[][][] leaks)
    {
        Layout = layout;
        _crossbars = crossbars;
        _leaks = leaks;
        var spec = layout.Spec;
        _rows = new int[spec.Layers.Count][][];
        _fanOut = new int[spec.Layers.Count][][];
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var s = layout.AxonWeights(l);
            var (axons, neurons) = (spec.Layers[l].Axons, spec.Layers[l].Neurons);
            _rows[l] = [.. crossbars[l].Select(c => Enumerable.Range(0, c.Length).Select(k => c[k] ? s[k] : 0).ToArray())];
            _fanOut[l] = [.. crossbars[l].Select(c => Enumerable.Range(0, axons).Select(i => Enumerable.Range(0, neurons).Count(j => c[i * neurons + j])).ToArray())];
        }
    }

    /// <summary>The wiring.</summary>
    public CoreLayout Layout { get; }

    /// <summary>Deterministic deployment of a learned binary network: c_ij = [w_ij ≥ 0.5].</summary>
    public static DeployedCores Binarized(CoreNetwork network) =>
        Build(network, (_, _, w) => w >= 0.5f);

    /// <summary>One sampled crossbar of a probabilistic network: c_ij ~ Bernoulli(p_ij), drawn from (seed, member, layer, core).</summary>
    public static DeployedCores Sampled(CoreNetwork network, int seed, int member)
    {
        SeededRandom? rng = null;
        (int, int) at = (-1, -1);
        return Build(network, (l, c, p) =>
        {
            if (at != (l, c)) { rng = new SeededRandom((ulong)seed, 0x5a3, (ulong)member, (ulong)l, (ulong)c); at = (l, c); }
            return rng!.NextDouble() < p;
        });
    }

    /// <summary>The crossbar of core <paramref name="core"/> in <paramref name="layer"/> (axons×neurons, row-major).</summary>
    public ReadOnlySpan<bool> Crossbar(int layer, int core) => _crossbars[layer][core];

    /// <summary>The integer leaks λ of core <paramref name="core"/> in <paramref name="layer"/>.</summary>
    public ReadOnlySpan<int> Leak(int layer, int core) => _leaks[layer][core];

    /// <summary>One tick on axon-level input spikes (one per pixel): the spikes of every layer (neurons of its cores in order).</summary>
    public byte[][] Tick(ReadOnlySpan<byte> pixels)
    {
        var counters = new CoreActivity();
        var spikes = new byte[Layout.Spec.Layers.Count][];
        Tick(pixels, spikes, ref counters);
        return spikes;
    }

    /// <summary>Evaluates every image of <paramref name="split"/>: class spike counts over all ticks and the activity.
    /// Stochastic input spikes are drawn from (seed, image, tick), so every member of an ensemble sees the same spikes.</summary>
    public CoreEvaluation Evaluate(DataSplit split, int seed, CancellationToken cancel = default)
    {
        var spec = Layout.Spec;
        var classes = spec.Classes;
        var counts = new int[split.Count * classes];
        var total = new CoreActivity();
        var gate = new object();
        var classOf = spec.ClassOfNeurons();
        Parallel.For(0, (split.Count + 255) / 256, new ParallelOptions { CancellationToken = cancel }, chunk =>
        {
            var local = new CoreActivity();
            var pixels = new byte[split.FeatureCount];
            var spikes = new byte[spec.Layers.Count][];
            for (var image = chunk * 256; image < Math.Min(split.Count, chunk * 256 + 256); image++)
            {
                var row = split.Row(image);
                for (var tick = 0; tick < spec.TimeSteps; tick++)
                {
                    Encode(row, pixels, seed, image, tick);
                    Tick(pixels, spikes, ref local);
                    var last = spikes[^1];
                    for (var j = 0; j < last.Length; j++) counts[image * classes + classOf[j]] += last[j];
                }
            }
            lock (gate) total = total.Add(local);
        });
        return new CoreEvaluation(split.Count, classes, counts, split.Labels, total, spec.CoreCount);
    }

    private void Encode(ReadOnlySpan<float> row, Span<byte> pixels, int seed, int image, int tick)
    {
        var spec = Layout.Spec;
        if (spec.Encoding == InputEncoding.Threshold)
        {
            var t = (float)spec.EncodingThreshold;
            for (var k = 0; k < row.Length; k++) pixels[k] = row[k] >= t ? (byte)1 : (byte)0;
            return;
        }
        var rng = new SeededRandom((ulong)seed, 0x1e7, (ulong)image, (ulong)tick);
        for (var k = 0; k < row.Length; k++) pixels[k] = rng.NextDouble() < row[k] ? (byte)1 : (byte)0;
    }

    private void Tick(ReadOnlySpan<byte> pixels, byte[][] spikes, ref CoreActivity activity)
    {
        var spec = Layout.Spec;
        ReadOnlySpan<byte> input = pixels;
        Span<int> v = stackalloc int[Cores.MaxNeurons];
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var layer = spec.Layers[l];
            spikes[l] ??= new byte[layer.TotalNeurons];
            var output = spikes[l];
            for (var c = 0; c < layer.Cores; c++)
            {
                var potential = v[..layer.Neurons];
                _leaks[l][c].CopyTo(potential);
                var sources = Layout.Sources(l, c);
                var rows = _rows[l][c];
                for (var i = 0; i < sources.Length; i++)
                {
                    if (input[sources[i]] == 0) continue;
                    activity.AxonSpikes++;
                    activity.SynapticEvents += _fanOut[l][c][i];
                    System.Numerics.Tensors.TensorPrimitives.Add(potential, rows.AsSpan(i * layer.Neurons, layer.Neurons), potential);
                }
                for (var j = 0; j < layer.Neurons; j++)
                {
                    var fire = potential[j] >= spec.Threshold;
                    output[c * layer.Neurons + j] = fire ? (byte)1 : (byte)0;
                    if (fire) activity.NeuronSpikes++;
                }
            }
            input = output;
        }
    }

    private static DeployedCores Build(CoreNetwork network, Func<int, int, float, bool> connect)
    {
        var spec = network.Spec;
        var crossbars = new bool[spec.Layers.Count][][];
        var leaks = new int[spec.Layers.Count][][];
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            crossbars[l] = new bool[spec.Layers[l].Cores][];
            leaks[l] = new int[spec.Layers[l].Cores][];
            for (var c = 0; c < spec.Layers[l].Cores; c++)
            {
                var w = network.Connections[l][c].Values;
                var bar = new bool[w.Length];
                for (var k = 0; k < w.Length; k++) bar[k] = connect(l, c, Math.Clamp(w[k], 0f, 1f));
                crossbars[l][c] = bar;
                var b = network.Leaks[l][c].Values;
                leaks[l][c] = new int[b.Length];
                for (var j = 0; j < b.Length; j++)
                    leaks[l][c][j] = (int)Math.Clamp(Math.Floor(b[j]) + spec.Threshold, -Cores.MaxInteger, Cores.MaxInteger);
            }
        }
        return new DeployedCores(network.Layout, crossbars, leaks);
    }
}
