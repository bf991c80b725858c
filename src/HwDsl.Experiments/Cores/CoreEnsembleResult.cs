using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>Deployed test accuracy of an ensemble of core networks and its energy proxy per image (summed over members and ticks).</summary>
/// <param name="Size">Networks in the ensemble.</param>
/// <param name="Accuracy">Test accuracy of the summed class spike counts.</param>
/// <param name="Cores">Cores used.</param>
/// <param name="NeuronSpikesPerImage">Neuron spikes per image.</param>
/// <param name="SynapticEventsPerImage">Synaptic events (axon spike × connected neuron) per image.</param>
/// <param name="AxonSpikesPerImage">Spikes arriving on axons per image.</param>
public sealed record CoreEnsembleResult(int Size, double Accuracy, int Cores, double NeuronSpikesPerImage, double SynapticEventsPerImage, double AxonSpikesPerImage)
{
    /// <summary>Energy per image, J: the synaptic events priced at <see cref="CoreEnergy.TrueNorth2014"/>.</summary>
    public double EnergyPerImage => CoreEnergy.TrueNorth2014.Joules(SynapticEventsPerImage);
}
