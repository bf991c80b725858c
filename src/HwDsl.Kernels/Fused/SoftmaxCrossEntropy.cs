using System.Numerics;
using System.Numerics.Tensors;

namespace HwDsl.Kernels;

/// <summary>
/// Fused, numerically stable softmax + cross-entropy over the rows of a logits matrix:
/// loss = (1/B) Σ_i [log Σ_j e^(z_ij − m_i) − (z_i,y_i − m_i)],  m_i = max_j z_ij,
/// and its gradient dz_ij = (softmax_ij − [j = y_i]) / B, written in the same pass.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Returns the mean loss; writes the gradient of the mean loss into <paramref name="gradient"/>
    /// when it is not empty, and counts rows whose arg-max equals the label into <paramref name="correct"/>.</summary>
    public static T Compute<T>(ReadOnlySpan<T> logits, int rows, int classes, ReadOnlySpan<int> labels, Span<T> gradient, out int correct)
        where T : IFloatingPointIeee754<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T>
    {
        if (logits.Length < rows * classes) throw new ArgumentException($"logits hold {logits.Length} values; {rows}×{classes} needs {rows * classes}.");
        if (labels.Length < rows) throw new ArgumentException($"labels hold {labels.Length} values; {rows} rows need as many.");
        if (!gradient.IsEmpty && gradient.Length < rows * classes) throw new ArgumentException($"gradient holds {gradient.Length} values; {rows}×{classes} needs {rows * classes}.");
        var total = T.Zero;
        var invRows = T.One / T.CreateChecked(rows);
        correct = 0;
        for (var i = 0; i < rows; i++)
        {
            var z = logits.Slice(i * classes, classes);
            var label = labels[i];
            if ((uint)label >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(labels), $"label {label} of row {i} is outside 0..{classes - 1}.");
            var argMax = TensorPrimitives.IndexOfMax(z);
            if (argMax == label) correct++;
            var max = z[argMax];
            var sum = T.Zero;
            for (var j = 0; j < classes; j++) sum += T.Exp(z[j] - max);
            var logSum = T.Log(sum);
            total += logSum - (z[label] - max);
            if (gradient.IsEmpty) continue;
            var g = gradient.Slice(i * classes, classes);
            var scale = invRows / sum;
            for (var j = 0; j < classes; j++) g[j] = T.Exp(z[j] - max) * scale;
            g[label] -= invRows;
        }
        return total * invRows;
    }
}
