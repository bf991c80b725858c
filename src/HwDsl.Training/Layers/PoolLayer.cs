using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>Max or average pooling over NCHW images with square windows (no parameters).</summary>
public sealed class PoolLayer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Pools images of shape <paramref name="input"/> in <paramref name="size"/>×<paramref name="size"/> windows moved by <paramref name="stride"/>.</summary>
    /// <exception cref="ArgumentException">The window does not fit the input, or a size is out of range.</exception>
    public PoolLayer(PoolMode mode, ImageShape input, int size, int stride)
    {
        ArgumentNullException.ThrowIfNull(input);
        Geometry = new PoolGeometry(input.Channels, input.Height, input.Width, size, stride);
        Geometry.Validate();
        Mode = mode;
        Input = input;
        Output = new ImageShape(input.Channels, Geometry.OutHeight, Geometry.OutWidth);
    }

    /// <summary>Max or average.</summary>
    public PoolMode Mode { get; }

    /// <summary>The pooling's shape.</summary>
    public PoolGeometry Geometry { get; }

    /// <summary>Shape of each input image.</summary>
    public ImageShape Input { get; }

    /// <summary>Shape of each output image.</summary>
    public ImageShape Output { get; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters => [];

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x) => tape.Pool(x, Geometry, Mode);

    /// <inheritdoc />
    public string Describe() =>
        $"{(Mode == PoolMode.Max ? "max" : "avg")}-pool {Geometry.Size}×{Geometry.Size}{(Geometry.Stride != Geometry.Size ? $" stride {Geometry.Stride}" : "")} {Input}→{Output}";
}
