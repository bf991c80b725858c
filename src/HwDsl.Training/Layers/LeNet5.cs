using System.Numerics;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>
/// LeNet-5 as PyTorch's MNIST examples write it: conv 6@5×5 (padding 2, so 28×28 stays 28×28 as LeCun's 32×32 input
/// did) – activation – 2×2 pool – conv 16@5×5 – activation – 2×2 pool – flatten – dense 120 – dense 84 – dense classes.
/// </summary>
public static class LeNet5
{
    /// <summary>
    /// The network for images of <paramref name="input"/> (at least 12×12 pixels), initialised from <paramref name="seed"/>
    /// through the same generator stream as <see cref="Sequential{T}.Mlp"/> (He for ReLU-like activations, Xavier otherwise).
    /// </summary>
    /// <param name="input">Image shape of the data, e.g. 1×28×28.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="seed">Weight seed.</param>
    /// <param name="activation">After each convolution and hidden dense layer.</param>
    /// <param name="averagePooling">Average instead of max pooling (LeCun's subsampling).</param>
    public static Sequential<T> Create<T>(ImageShape input, int classes, int seed, Activation activation = Activation.Relu, bool averagePooling = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(input);
        var init = activation is Activation.Relu or Activation.ClippedRelu ? WeightInit.He : WeightInit.Xavier;
        var rng = new SeededRandom((ulong)seed, 0x1417);
        var layers = new List<ILayer<T>>();
        var shape = input;
        foreach (var (filters, padding) in new[] { (6, 2), (16, 0) })
        {
            var conv = new Conv2dLayer<T>(shape, filters, 5, 1, padding, init, rng);
            layers.Add(conv);
            layers.Add(new ActivationLayer<T>(activation));
            var pool = new PoolLayer<T>(averagePooling ? PoolMode.Average : PoolMode.Max, conv.Output, 2, 2);
            layers.Add(pool);
            shape = pool.Output;
        }
        layers.Add(new FlattenLayer<T>(shape));
        var width = shape.Size;
        foreach (var units in new[] { 120, 84 })
        {
            layers.Add(new DenseLayer<T>(width, units, init, rng));
            layers.Add(new ActivationLayer<T>(activation));
            width = units;
        }
        layers.Add(new DenseLayer<T>(width, classes, init, rng));
        return new Sequential<T>(layers);
    }
}
