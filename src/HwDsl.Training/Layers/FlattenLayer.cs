using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Data;

namespace HwDsl.Training;

/// <summary>
/// Ends the image part of a network: the C·H·W values of each sample become one feature vector for the dense layers.
/// Images are already stored as rows of C·H·W values, so this adds nothing to the tape.
/// </summary>
public sealed class FlattenLayer<T>(ImageShape input) : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Shape of each input image.</summary>
    public ImageShape Input { get; } = input ?? throw new ArgumentNullException(nameof(input));

    /// <summary>Features per sample after flattening, C·H·W.</summary>
    public int Outputs => Input.Size;

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters => [];

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x) =>
        x.Cols == Input.Size ? x : throw new ArgumentException($"flatten: images of {Input} have {Input.Size} values; the input has {x.Cols}.");

    /// <inheritdoc />
    public string Describe() => $"flatten {Input}→{Outputs}";
}
