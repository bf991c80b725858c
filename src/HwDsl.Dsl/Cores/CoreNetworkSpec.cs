namespace HwDsl;

/// <summary>
/// A frozen, validated network of TrueNorth-like cores: which pixels feed which core (windows), core → core wiring
/// (layers with fan-in), the class-sum readout and the neuron model. See <see cref="HwDsl.Cores"/> for the arithmetic.
/// </summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Windows">The input windows, in the order the first layer's cores take them.</param>
/// <param name="Layers">The core layers, input side first; the last one is read out.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="PerClass">Output neurons per class; the last layer has Classes × PerClass neurons. Every core of the last
/// layer reads every class: with q = PerClass / cores, class c owns neurons [c·q, (c+1)·q) of each core (so a class's
/// count never depends on a single core's part of the image).</param>
/// <param name="AxonTypeWeights">s[g], the integer weight of axon type g (axon i of a core has type i mod T).</param>
/// <param name="RotateTypesPerNeuron">When true neuron j uses s_j[g] = s[(g + j) mod T], so neighbouring neurons weigh
/// the same axon with different signs; when false every neuron uses s.</param>
/// <param name="Threshold">The integer threshold θ ≥ 1: a neuron spikes when V ≥ θ.</param>
/// <param name="TimeSteps">Ticks per image; class spike counts are summed over ticks.</param>
/// <param name="Encoding">How pixels become input spikes.</param>
/// <param name="EncodingThreshold">The pixel value at or above which <see cref="InputEncoding.Threshold"/> emits a spike.</param>
public sealed record CoreNetworkSpec(
    int Width, int Height, IReadOnlyList<WindowSpec> Windows, IReadOnlyList<CoreLayerSpec> Layers, int Classes, int PerClass,
    IReadOnlyList<int> AxonTypeWeights, bool RotateTypesPerNeuron, int Threshold, int TimeSteps, InputEncoding Encoding,
    double EncodingThreshold)
{
    /// <summary>Number of cores in the network (what an energy estimate counts as cores used).</summary>
    public int CoreCount => Layers.Sum(l => l.Cores);

    /// <summary>s_j[g]: the weight neuron <paramref name="neuron"/> gives axon type <paramref name="type"/>.</summary>
    /// <param name="neuron">Neuron index within its core.</param>
    /// <param name="type">Axon type.</param>
    public int TypeWeight(int neuron, int type) =>
        AxonTypeWeights[RotateTypesPerNeuron ? (type + neuron) % AxonTypeWeights.Count : type];

    /// <summary>The class whose count neuron <paramref name="neuron"/> of the last layer (cores in order) adds to.</summary>
    /// <param name="neuron">Index over the last layer's neurons, core by core.</param>
    public int ClassOf(int neuron)
    {
        var last = Layers[^1];
        return neuron % last.Neurons / (PerClass / last.Cores);
    }

    /// <summary><see cref="ClassOf"/> for every neuron of the last layer, cores in order.</summary>
    public int[] ClassOfNeurons() => [.. Enumerable.Range(0, Layers[^1].TotalNeurons).Select(ClassOf)];

    /// <summary>Sources (windows or cores) below layer <paramref name="layer"/>.</summary>
    /// <param name="layer">Layer index.</param>
    public int SourcesOf(int layer) => layer == 0 ? Windows.Count : Layers[layer - 1].Cores;

    /// <summary>Outputs of one source below layer <paramref name="layer"/> (pixels of a window, or neurons of a core).</summary>
    /// <param name="layer">Layer index.</param>
    public int SourceWidth(int layer) => layer == 0 ? Windows[0].Size * Windows[0].Size : Layers[layer - 1].Neurons;

    /// <inheritdoc />
    public bool Equals(CoreNetworkSpec? other) =>
        other is not null && Width == other.Width && Height == other.Height && Windows.SequenceEqual(other.Windows)
        && Layers.SequenceEqual(other.Layers) && Classes == other.Classes && PerClass == other.PerClass
        && AxonTypeWeights.SequenceEqual(other.AxonTypeWeights) && RotateTypesPerNeuron == other.RotateTypesPerNeuron
        && Threshold == other.Threshold && TimeSteps == other.TimeSteps && Encoding == other.Encoding
        && EncodingThreshold.Equals(other.EncodingThreshold);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Width, Height, Windows.Count, Layers.Count, Classes, PerClass, Threshold, TimeSteps);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Width}×{Height} → {Windows.Count} window(s) → " + string.Join(" → ", Layers.Select(l => $"{l.Cores}×{l.Neurons}")) + $" → {Classes}×{PerClass} readout";
}
