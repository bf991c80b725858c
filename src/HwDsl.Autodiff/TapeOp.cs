using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// One recorded operation. Each op's file holds its forward (an extension method on <see cref="Tape{T}"/>
/// that computes the output and records the op) and its <see cref="Backward"/>, which adds
/// dLoss/dInput into the inputs' gradients (obtained with <see cref="Tape{T}.GradientOf"/>) given the
/// output's gradient. Adding an op — a quantizer, a device model — means adding one such file.
/// </summary>
public abstract class TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Propagates the output gradient to the inputs that require one.</summary>
    public abstract void Backward(Tape<T> tape);
}
