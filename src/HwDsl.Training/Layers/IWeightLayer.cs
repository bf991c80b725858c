using System.Numerics;
using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>
/// A layer whose weights form one inputs × outputs matrix W and a 1 × outputs bias b: a dense layer, or a convolution,
/// whose (C·k·k) × F kernel matrix takes one receptive field per input vector. It is what an analog array holds.
/// </summary>
public interface IWeightLayer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The weight matrix, inputs × outputs (rows: a dense layer's inputs, or a convolution's receptive-field elements).</summary>
    Tensor<T> Weights { get; }

    /// <summary>The bias, 1 × outputs.</summary>
    Tensor<T> Bias { get; }
}
