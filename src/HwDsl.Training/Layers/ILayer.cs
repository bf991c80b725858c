using System.Numerics;
using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>
/// A piece of a network: what it adds to the tape in the forward pass and which parameters it owns.
/// The hardware compiler supplies its own layers (quantized, device-mapped) through the same interface.
/// </summary>
public interface ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Trainable parameters, in a fixed order (optimizer state and checkpoints rely on it).</summary>
    IReadOnlyList<Tensor<T>> Parameters { get; }

    /// <summary>Applies the layer to a batch (rows = samples).</summary>
    Tensor<T> Forward(Tape<T> tape, Tensor<T> x);

    /// <summary>A one-line description, e.g. "dense 784→256".</summary>
    string Describe();
}
