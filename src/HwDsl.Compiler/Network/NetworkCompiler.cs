using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>Compiles a bound experiment into a <see cref="CompiledNetwork"/> on the autodiff tape.</summary>
public static class NetworkCompiler
{
    /// <summary>
    /// Binds <paramref name="spec"/> against <paramref name="devices"/> for <paramref name="inputs"/> features and
    /// <paramref name="classes"/> outputs (<see cref="ExperimentBinder"/>: unknown names or values throw
    /// <see cref="SpecException"/> naming the script line), then compiles it.
    /// </summary>
    public static CompiledNetwork Compile(ExperimentSpec spec, int inputs, int classes, DeviceCatalog? devices = null)
        => Compile(ExperimentBinder.Bind(spec, devices ?? DeviceCatalog.Default, inputs, classes));

    /// <summary>
    /// Builds the network of <paramref name="bound"/>. Weights are drawn exactly as <see cref="Sequential{T}.Mlp"/> draws
    /// them for the same seed (He for ReLU-like activations, Xavier otherwise), so a hardware network and its float twin
    /// start from the same point. Every analog layer computes through an <see cref="AnalogArray"/> of its bound tiles and
    /// periphery; the network's input DAC (InputBits) is the first layer's input stage.
    /// </summary>
    public static CompiledNetwork Compile(BoundExperiment bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var spec = bound.Resolved;
        var network = spec.Network.Layers;
        var firstActivation = network.OfType<ActivationSpec>().FirstOrDefault()?.Kind ?? ActivationKind.Relu;
        var init = firstActivation is ActivationKind.Relu or ActivationKind.ClippedRelu ? WeightInit.He : WeightInit.Xavier;
        var rng = new SeededRandom((ulong)spec.Seed, 0x1417);
        var hardwareAware = spec.Training.Mode == TrainingMode.HardwareAware;
        var compensation = spec.Evaluation.DriftCompensation || spec.Evaluation.Times.Count > 0;
        ActivationKind? lastActivation = null;

        var layers = new List<ILayer<float>>();
        var width = bound.Inputs;
        var dense = 0;
        LayerHardware? previous = null;
        foreach (var layer in network)
        {
            switch (layer)
            {
                case DenseSpec d:
                    var b = bound.Layers[dense];
                    var denseLayer = new DenseLayer<float>(width, d.Units, init, rng);
                    var periphery = new PeripheryOptions(dense == 0, lastActivation is ActivationKind.Tanh or ActivationKind.Sign, hardwareAware,
                        spec.Training.Noise is not null, spec.Seed, compensation);
                    layers.Add(b.Digital ? denseLayer
                        : b.Hardware.Binary ? new BinaryDenseLayer(denseLayer, b, Periphery.Array(b, periphery))
                        : new HardwareDenseLayer(denseLayer, b, Periphery.Array(b, periphery))
                        {
                            Rounding = spec.Training.Rounding,
                            Noise = spec.Training.Noise is { } noise ? new TrainingNoiseDraws(noise, spec.Seed, noise.Seconds ?? spec.Evaluation.ReadSeconds) : null,
                        });
                    width = d.Units;
                    previous = b.Hardware;
                    dense++;
                    break;
                case ActivationSpec a:
                    lastActivation = a.Kind;
                    layers.Add(new ActivationLayer<float>(a.Kind switch
                    {
                        ActivationKind.Relu => Activation.Relu,
                        ActivationKind.ClippedRelu => Activation.ClippedRelu,
                        ActivationKind.Tanh => Activation.Tanh,
                        ActivationKind.Sign => Activation.Sign,
                        _ => throw new ArgumentOutOfRangeException(nameof(bound), a.Kind, "unknown activation"),
                    }));
                    if (previous is { Digital: false, ActivationBits: { } bits } && a.Kind == ActivationKind.ClippedRelu)
                        layers.Add(new QuantizedActivationLayer(bits, 1f));
                    break;
            }
        }
        DieTrainingSetup.Apply(spec, layers);
        return new CompiledNetwork(layers, hardwareAware ? NetworkPhase.Train : NetworkPhase.Float, hardwareAware ? spec.Training.Relaxation : null, bound);
    }
}
