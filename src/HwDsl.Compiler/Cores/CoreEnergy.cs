namespace HwDsl.Compiler;

/// <summary>
/// A cited energy per synaptic event of a neurosynaptic-core chip: it turns the cores' activity proxy (synaptic events per
/// image) into joules per inference, the unit the analog cost model reports in.
/// </summary>
/// <param name="Name">The preset's name.</param>
/// <param name="SynapticEventEnergy">Energy per synaptic event (an axon spike reaching one connected neuron), J.</param>
/// <param name="Source">Where the number comes from and what it includes.</param>
public sealed record CoreEnergy(string Name, double SynapticEventEnergy, string Source)
{
    /// <summary>
    /// TrueNorth (Merolla et al., Science 345:668, 2014; 28 nm, 4096 cores of 256 axons × 256 neurons): 26 pJ per synaptic
    /// event. It is the chip's whole measured power at one operating point (20 Hz mean firing, 128 active synapses per
    /// neuron, 0.775 V) divided by its synaptic events, so it already holds the passive (leakage) share. That makes it exact
    /// only near that activity: a sparser network pays more per event, a denser one less. The paper's own text seen here
    /// (its abstract: 4096 cores, 63 mW for 400 × 240 video at 30 frames per second) does not show the 26 pJ sentence; the
    /// figure and its operating point were checked against public repositories that quote the paper.
    /// </summary>
    public static CoreEnergy TrueNorth2014 { get; } = new("truenorth-28nm", 26e-12,
        "Merolla et al., Science 345:668 (2014): 26 pJ per synaptic event, the whole chip's power at 20 Hz, 128 active synapses per neuron and 0.775 V over its events (passive share included)");

    /// <summary>Energy of <paramref name="synapticEvents"/> events, J.</summary>
    /// <param name="synapticEvents">Synaptic events (per image, or in total).</param>
    public double Joules(double synapticEvents) => synapticEvents * SynapticEventEnergy;
}
