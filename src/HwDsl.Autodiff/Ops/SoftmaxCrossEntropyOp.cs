using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// Mean softmax cross-entropy of logits (batch×classes) against integer labels, fused and stable. The
/// gradient is computed in the forward pass (it costs the same exponentials) and scaled by dLoss in backward.
/// </summary>
public sealed class SoftmaxCrossEntropyOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _logits, _loss, _localGradient;

    private SoftmaxCrossEntropyOp(Tensor<T> logits, Tensor<T> loss, Tensor<T> localGradient)
        => (_logits, _loss, _localGradient) = (logits, loss, localGradient);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> logits, ReadOnlySpan<int> labels, out int correct)
    {
        if (labels.Length != logits.Rows) throw new ArgumentException($"softmax cross-entropy: {labels.Length} labels for {logits.Rows} rows of logits.");
        var loss = tape.Output(1, 1, logits.RequiresGrad);
        var local = loss.RequiresGrad ? tape.Output(logits.Rows, logits.Cols, false) : null;
        loss.Values[0] = SoftmaxCrossEntropy.Compute<T>(logits.Values, logits.Rows, logits.Cols, labels,
            local is null ? Span<T>.Empty : local.Values, out correct);
        if (local is not null) tape.Record(new SoftmaxCrossEntropyOp<T>(logits, loss, local), loss);
        return loss;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var scale = _loss.Gradient[0];
        var dz = tape.GradientOf(_logits);
        var local = _localGradient.Values;
        for (var i = 0; i < dz.Length; i++) dz[i] += scale * local[i];
    }
}

/// <summary>The loss ops on a tape.</summary>
public static class LossExtensions
{
    /// <summary>Mean softmax cross-entropy (1×1); <paramref name="correct"/> counts rows whose arg-max is the label.</summary>
    public static Tensor<T> SoftmaxCrossEntropy<T>(this Tape<T> tape, Tensor<T> logits, ReadOnlySpan<int> labels, out int correct)
        where T : unmanaged, IFloatingPointIeee754<T> => SoftmaxCrossEntropyOp<T>.Forward(tape, logits, labels, out correct);
}
