using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Entry point for networks of TrueNorth-like neurosynaptic cores (Jimeno Yepes &amp; Tang 2016; papers.md §3):
/// <c>Cores.Experiment("yepes-small").Data(Datasets.Mnist).Network(n =&gt; n.Image(28, 28).Windows(16, stride: 12)
/// .Layer(64).Layer(250, fanIn: 4).Readout(perClass: 25)).Train(t =&gt; t.LearnedBinary().Epochs(20)).Build()</c>.
/// <para>
/// A core has at most 256 axons and 256 neurons joined by a binary crossbar c_ij ∈ {0, 1}. Axon i has a type
/// g(i) = i mod T (T ≤ 4); neuron j weighs type g with the integer s_j[g]. In one tick a neuron integrates
/// V_j = Σ_i a_i·c_ij·s_j[g(i)] + λ_j (a_i ∈ {0, 1} the axon's spike, λ_j the integer leak) and spikes when
/// V_j ≥ θ (the integer threshold). The readout counts spikes per class.
/// </para>
/// </summary>
public static class Cores
{
    /// <summary>The most axons (inputs) of one core.</summary>
    public const int MaxAxons = 256;

    /// <summary>The most neurons (outputs) of one core.</summary>
    public const int MaxNeurons = 256;

    /// <summary>The most axon types of one core.</summary>
    public const int MaxAxonTypes = 4;

    /// <summary>The largest magnitude of a per-neuron axon-type weight, a leak or a threshold (9-bit signed on TrueNorth).</summary>
    public const int MaxInteger = 255;

    /// <summary>Starts a core experiment called <paramref name="name"/> (non-empty, HW0404).</summary>
    /// <param name="name">Experiment name.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static CoreExperimentBuilder Experiment(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new(name, Provenance.Explicit(file, line));
}
