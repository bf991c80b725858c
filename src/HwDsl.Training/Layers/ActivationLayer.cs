using System.Numerics;
using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>The activation functions a network can use between layers.</summary>
public enum Activation
{
    /// <summary>max(x, 0).</summary>
    Relu,
    /// <summary>clamp(x, 0, 1): bounded like a hardware activation.</summary>
    ClippedRelu,
    /// <summary>tanh(x).</summary>
    Tanh,
    /// <summary>1/(1 + e^−x).</summary>
    Sigmoid,
    /// <summary>sign(x) ∈ {−1, +1}, trained through the hardtanh straight-through estimator (binary neurons).</summary>
    Sign,
}

/// <summary>An activation function as a layer with no parameters.</summary>
public sealed class ActivationLayer<T>(Activation kind) : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Which function.</summary>
    public Activation Kind { get; } = kind;

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters => [];

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x) => Kind switch
    {
        Activation.Relu => tape.Relu(x),
        Activation.ClippedRelu => tape.HardClip(x, T.Zero, T.One),
        Activation.Tanh => tape.Tanh(x),
        Activation.Sigmoid => tape.Sigmoid(x),
        Activation.Sign => tape.Sign(x),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown activation"),
    };

    /// <inheritdoc />
    public string Describe() => Kind switch
    {
        Activation.ClippedRelu => "clipped-relu",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
