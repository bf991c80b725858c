using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>
/// A 2-D convolution over NCHW images (rows = samples, C·H·W columns): square kernels, zero padding, biases from zero.
/// The weights are a (C·k·k) × F matrix, one row per receptive-field element (c, ki, kj), like a dense layer's
/// inputs × outputs.
/// </summary>
public sealed class Conv2dLayer<T> : IWeightLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer over images of shape <paramref name="input"/> with weights drawn from <paramref name="rng"/>.</summary>
    /// <param name="input">Shape of each input image.</param>
    /// <param name="filters">Output channels F.</param>
    /// <param name="kernel">Kernel side k.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Zero padding on each side.</param>
    /// <param name="init">He: N(0, 2/fan_in); Xavier: U(±√(6/(fan_in + fan_out))), with fan_in = C·k·k and fan_out = F·k·k.</param>
    /// <param name="rng">The generator the weights are drawn from, row by row of the weight matrix.</param>
    /// <exception cref="ArgumentException">The kernel does not fit the padded input, or a size is out of range.</exception>
    public Conv2dLayer(ImageShape input, int filters, int kernel, int stride, int padding, WeightInit init, SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(input);
        Geometry = new ConvGeometry(input.Channels, input.Height, input.Width, filters, kernel, stride, padding);
        Geometry.Validate();
        Input = input;
        Output = new ImageShape(filters, Geometry.OutHeight, Geometry.OutWidth);
        Weights = Tensor<T>.Parameter(Geometry.PatchSize, filters);
        Bias = Tensor<T>.Parameter(1, filters);
        int fanIn = Geometry.PatchSize, fanOut = filters * kernel * kernel;
        var w = Weights.Values;
        if (init == WeightInit.He)
        {
            var std = Math.Sqrt(2.0 / fanIn);
            for (var i = 0; i < w.Length; i++) w[i] = T.CreateChecked(std * rng.NextNormal());
        }
        else
        {
            var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            for (var i = 0; i < w.Length; i++) w[i] = T.CreateChecked(limit * (2 * rng.NextDouble() - 1));
        }
    }

    /// <summary>The convolution's shape (what the MAC core computes).</summary>
    public ConvGeometry Geometry { get; }

    /// <summary>Shape of each input image.</summary>
    public ImageShape Input { get; }

    /// <summary>Shape of each output image, F × H' × W'.</summary>
    public ImageShape Output { get; }

    /// <summary>(C·k·k) × F weight matrix.</summary>
    public Tensor<T> Weights { get; }

    /// <summary>1 × F bias.</summary>
    public Tensor<T> Bias { get; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters => [Weights, Bias];

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x) => tape.Conv2d(x, Weights, Bias, Geometry);

    /// <inheritdoc />
    public string Describe() =>
        $"conv {Input}→{Output} ({Geometry.Kernel}×{Geometry.Kernel}{(Geometry.Stride != 1 ? $", stride {Geometry.Stride}" : "")}{(Geometry.Padding != 0 ? $", padding {Geometry.Padding}" : "")})";
}
