using HwDsl.Data;
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
    /// Builds the network of <paramref name="bound"/>. Weights are drawn exactly as <see cref="Sequential{T}.Mlp"/> (or, for a
    /// convolutional network, <see cref="LeNet5.Create{T}"/>) draws them for the same seed — one generator, layer by layer
    /// in network order; He for ReLU-like activations, Xavier otherwise — so a hardware network and its float twin start
    /// from the same point. Every analog layer, Dense or Conv2d, computes through an <see cref="AnalogArray"/> of its bound
    /// tiles and periphery; the network's input DAC (InputBits) is the first weight layer's input stage.
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
        PeripheryOptions Options(int index) => new(index == 0, lastActivation is ActivationKind.Tanh or ActivationKind.Sign, hardwareAware,
            spec.Training.Noise is not null, spec.Seed, compensation);

        var layers = new List<ILayer<float>>();
        var width = bound.Inputs;
        var image = spec.Network.Input is { } input ? new ImageShape(input.Channels, input.Height, input.Width) : null;
        var weights = 0;
        LayerHardware? previous = null;
        var quantized = false;   // the values flowing now are a quantized activation (so a pool that averages them re-quantizes)
        foreach (var layer in network)
        {
            switch (layer)
            {
                case DenseSpec d:
                    layers.Add(Weighted(new DenseLayer<float>(width, d.Units, init, rng), bound.Layers[weights], Options(weights), spec));
                    width = d.Units;
                    image = null;
                    previous = bound.Layers[weights++].Hardware;
                    quantized = false;
                    break;
                case Conv2dSpec c:
                    var conv = new Conv2dLayer<float>(image ?? throw new ArgumentException($"{c} needs an image shape; the spec has none."),
                        c.Channels, c.Kernel, c.Stride, c.Padding, init, rng);
                    layers.Add(Weighted(conv, bound.Layers[weights], Options(weights), spec));
                    image = conv.Output;
                    width = image.Size;
                    previous = bound.Layers[weights++].Hardware;
                    quantized = false;
                    break;
                case PoolSpec p:
                    var pool = new PoolLayer<float>(p.Kind == PoolKind.Max ? PoolMode.Max : PoolMode.Average, image!, p.Size, p.Stride);
                    layers.Add(pool);
                    (image, width) = (pool.Output, pool.Output.Size);
                    // After average pooling the next array's DAC sees averages of quantized activations: it quantizes them again.
                    if (p.Kind == PoolKind.Average && quantized && previous?.ActivationBits is { } again) layers.Add(new QuantizedActivationLayer(again, 1f));
                    break;
                case FlattenSpec:
                    layers.Add(new FlattenLayer<float>(image!));
                    image = null;
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
                    {
                        layers.Add(new QuantizedActivationLayer(bits, 1f));
                        quantized = true;
                    }
                    break;
                default:
                    throw new ArgumentException($"{layer} has no compiled form in this compiler version.");
            }
        }
        DieTrainingSetup.Apply(spec, layers);
        return new CompiledNetwork(layers, hardwareAware ? NetworkPhase.Train : NetworkPhase.Float, hardwareAware ? spec.Training.Relaxation : null, bound);
    }

    // A weight layer as its bound hardware says: digital (the float layer itself), binary, or multi-level on its array.
    private static ILayer<float> Weighted(IWeightLayer<float> layer, BoundLayer b, PeripheryOptions periphery, ExperimentSpec spec) =>
        b.Digital ? layer
        : b.Hardware.Binary ? new BinaryDenseLayer(layer, b, Periphery.Array(b, periphery))
        : new HardwareDenseLayer(layer, b, Periphery.Array(b, periphery))
        {
            Rounding = spec.Training.Rounding,
            Noise = spec.Training.Noise is { } noise ? new TrainingNoiseDraws(noise, spec.Seed, noise.Seconds ?? spec.Evaluation.ReadSeconds) : null,
        };
}
