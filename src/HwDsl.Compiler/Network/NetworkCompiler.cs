using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>Compiles an experiment spec into a <see cref="CompiledNetwork"/> on the autodiff tape.</summary>
public static class NetworkCompiler
{
    /// <summary>
    /// Builds the network for <paramref name="spec"/> with <paramref name="inputs"/> features and <paramref name="classes"/>
    /// outputs. Weights are drawn exactly as <see cref="Sequential{T}.Mlp"/> draws them for the same seed (He for ReLU-like
    /// activations, Xavier otherwise), so a hardware network and its float twin start from the same point. Devices are
    /// resolved against <paramref name="devices"/> first (<see cref="DeviceBinder"/>): unknown names or values throw
    /// <see cref="SpecException"/> naming the script line.
    /// </summary>
    public static CompiledNetwork Compile(ExperimentSpec spec, int inputs, int classes, DeviceCatalog? devices = null)
    {
        devices ??= DeviceCatalog.Default;
        var bound = DeviceBinder.Bind(spec, devices);
        var network = spec.Network.Layers;
        var firstActivation = network.OfType<ActivationSpec>().FirstOrDefault()?.Kind ?? ActivationKind.Relu;
        var init = firstActivation is ActivationKind.Relu or ActivationKind.ClippedRelu ? WeightInit.He : WeightInit.Xavier;
        var rng = new SeededRandom((ulong)spec.Seed, 0x1417);
        var hardwareAware = spec.Training.Mode == TrainingMode.HardwareAware;

        var layers = new List<ILayer<float>>();
        var width = inputs;
        var dense = 0;
        LayerHardware? previous = null;
        foreach (var layer in network)
        {
            switch (layer)
            {
                case DenseSpec d:
                    var hardware = spec.Layers[dense];
                    if (dense == 0 && !hardware.Digital && hardware.InputBits is { } inputBits)
                        layers.Add(new QuantizedActivationLayer(inputBits, 1f));
                    var units = d.Units;
                    var denseLayer = new DenseLayer<float>(width, units, init, rng);
                    layers.Add(hardware.Digital
                        ? denseLayer
                        : hardware.Binary
                            ? new BinaryDenseLayer(denseLayer, hardware, new BinaryDeviceMapping(bound[dense]!, hardware.Positive.ToElement(), hardware.Device))
                            : new HardwareDenseLayer(denseLayer, hardware, hardware.BuildLevels(bound[dense]!, hardware.Device, spec)) { Rounding = spec.Training.Rounding });
                    width = units;
                    previous = hardware;
                    dense++;
                    break;
                case ActivationSpec a:
                    layers.Add(new ActivationLayer<float>(a.Kind switch
                    {
                        ActivationKind.Relu => Activation.Relu,
                        ActivationKind.ClippedRelu => Activation.ClippedRelu,
                        ActivationKind.Tanh => Activation.Tanh,
                        ActivationKind.Sign => Activation.Sign,
                        _ => throw new ArgumentOutOfRangeException(nameof(spec), a.Kind, "unknown activation"),
                    }));
                    if (previous is { Digital: false, ActivationBits: { } bits } && a.Kind == ActivationKind.ClippedRelu)
                        layers.Add(new QuantizedActivationLayer(bits, 1f));
                    break;
                default:
                    // Issue 15 phase 2 maps convolutions onto tiles; until then refuse rather than drop the layer.
                    throw new ArgumentException($"{layer} is not compiled onto hardware yet; for float training build the network from HwDsl.Training layers (Conv2dLayer, MaxPoolLayer, AvgPoolLayer, FlattenLayer).");
            }
        }
        if (width != classes)
            throw new ArgumentException($"the network ends with {width} outputs but data set '{spec.Data.Name}' has {classes} classes.");
        DieTrainingSetup.Apply(spec, layers);
        return new CompiledNetwork(layers, hardwareAware ? NetworkPhase.Train : NetworkPhase.Float, hardwareAware ? spec.Training.Relaxation : null);
    }
}
