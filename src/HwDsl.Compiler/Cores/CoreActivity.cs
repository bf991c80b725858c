namespace HwDsl.Compiler;

/// <summary>Activity counted while cores run: axon spikes in, synaptic events (spike × connected neuron), neuron spikes out.</summary>
public record struct CoreActivity(long AxonSpikes, long SynapticEvents, long NeuronSpikes)
{
    /// <summary>The sum of two counts.</summary>
    public readonly CoreActivity Add(CoreActivity o) =>
        new(AxonSpikes + o.AxonSpikes, SynapticEvents + o.SynapticEvents, NeuronSpikes + o.NeuronSpikes);
}
