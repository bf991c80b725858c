namespace HwDsl.Compiler;

/// <summary>
/// The wiring of a core network, resolved from its spec: for every core, which element of its layer's input each axon
/// reads (pixels for the first layer, the concatenated neurons of the layer below otherwise) and the signed axon weight
/// s_ij = s_j[g(i)] each neuron gives each axon (g(i) = i mod T).
/// </summary>
public sealed class CoreLayout
{
    private readonly int[][][] _sources;
    private readonly int[][] _weights;

    /// <summary>Resolves <paramref name="spec"/>.</summary>
    public CoreLayout(CoreNetworkSpec spec)
    {
        Spec = spec;
        _sources = new int[spec.Layers.Count][][];
        _weights = new int[spec.Layers.Count][];
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var layer = spec.Layers[l];
            var width = spec.SourceWidth(l);
            _sources[l] = new int[layer.Cores][];
            for (var c = 0; c < layer.Cores; c++)
            {
                var axons = new List<int>(layer.Axons);
                for (var f = 0; f < layer.FanIn; f++)
                {
                    var source = c * layer.FanIn + f;
                    if (l == 0) axons.AddRange(spec.Windows[source].Pixels(spec.Width));
                    else axons.AddRange(Enumerable.Range(source * width, width));
                }
                _sources[l][c] = [.. axons];
            }
            var w = new int[layer.Axons * layer.Neurons];
            var types = spec.AxonTypeWeights.Count;
            for (var i = 0; i < layer.Axons; i++)
                for (var j = 0; j < layer.Neurons; j++)
                    w[i * layer.Neurons + j] = spec.TypeWeight(j, i % types);
            _weights[l] = w;
        }
    }

    /// <summary>The network this layout resolves.</summary>
    public CoreNetworkSpec Spec { get; }

    /// <summary>Input element read by each axon of core <paramref name="core"/> in layer <paramref name="layer"/>.</summary>
    public int[] Sources(int layer, int core) => _sources[layer][core];

    /// <summary>s_ij (axons×neurons, row-major) of every core in <paramref name="layer"/> (the same for all its cores).</summary>
    public int[] AxonWeights(int layer) => _weights[layer];
}
