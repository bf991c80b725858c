using System.Numerics;
using System.Numerics.Tensors;

namespace HwDsl.Autodiff;

/// <summary>
/// The backward half shared by every elementwise op whose forward pass also computes dy/dx (quantizers, weight
/// mappers, device responses): dx += dy ⊙ dy/dx. The op's file keeps its forward, and records one of these.
/// </summary>
public abstract class ElementwiseDerivativeOp<T>(Tensor<T> input, Tensor<T> output, Tensor<T> derivative) : TapeOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public sealed override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(input);
        if (!dx.IsEmpty) TensorPrimitives.FusedMultiplyAdd<T>(output.Gradient, derivative.Values, dx, dx);
    }
}
