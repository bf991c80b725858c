using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>Average pooling over NCHW images with square windows (no parameters).</summary>
public sealed class AvgPoolLayer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Pools images of shape <paramref name="input"/> in <paramref name="size"/>×<paramref name="size"/> windows moved by <paramref name="stride"/>.</summary>
    /// <exception cref="ArgumentException">The window does not fit the input, or a size is out of range.</exception>
    public AvgPoolLayer(ImageShape input, int size, int stride)
    {
        ArgumentNullException.ThrowIfNull(input);
        Geometry = new PoolGeometry(input.Channels, input.Height, input.Width, size, stride);
        Geometry.Validate();
        Input = input;
        Output = new ImageShape(input.Channels, Geometry.OutHeight, Geometry.OutWidth);
    }

    /// <summary>The pooling's shape.</summary>
    public PoolGeometry Geometry { get; }

    /// <summary>Shape of each input image.</summary>
    public ImageShape Input { get; }

    /// <summary>Shape of each output image.</summary>
    public ImageShape Output { get; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters => [];

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x) => tape.AvgPool(x, Geometry);

    /// <inheritdoc />
    public string Describe() => $"avg-pool {Geometry.Size}×{Geometry.Size}{(Geometry.Stride != Geometry.Size ? $" stride {Geometry.Stride}" : "")} {Input}→{Output}";
}
