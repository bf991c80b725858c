using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>Layers applied one after another; the last produces the logits.</summary>
public sealed class Sequential<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Wraps the given layers.</summary>
    public Sequential(IEnumerable<ILayer<T>> layers)
    {
        Layers = [.. layers];
        Parameters = [.. Layers.SelectMany(l => l.Parameters)];
    }

    /// <summary>
    /// A multi-layer perceptron inputs → hidden… → classes with <paramref name="activation"/> after each hidden
    /// layer, initialised from <paramref name="seed"/> (He for ReLU-like activations, Xavier otherwise).
    /// </summary>
    public static Sequential<T> Mlp(int inputs, IReadOnlyList<int> hidden, int classes, Activation activation, int seed)
    {
        var init = activation is Activation.Relu or Activation.ClippedRelu ? WeightInit.He : WeightInit.Xavier;
        var rng = new SeededRandom((ulong)seed, 0x1417);
        var layers = new List<ILayer<T>>();
        var width = inputs;
        foreach (var h in hidden)
        {
            layers.Add(new DenseLayer<T>(width, h, init, rng));
            layers.Add(new ActivationLayer<T>(activation));
            width = h;
        }
        layers.Add(new DenseLayer<T>(width, classes, init, rng));
        return new Sequential<T>(layers);
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<ILayer<T>> Layers { get; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters { get; }

    /// <summary>Total number of trainable values.</summary>
    public long ParameterCount => Parameters.Sum(p => (long)p.Length);

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x)
    {
        foreach (var layer in Layers) x = layer.Forward(tape, x);
        return x;
    }

    /// <inheritdoc />
    public string Describe() => string.Join(" → ", Layers.Select(l => l.Describe()));
}
