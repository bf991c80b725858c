using System.Numerics;
using System.Numerics.Tensors;

namespace HwDsl.Autodiff;

/// <summary>
/// A DAC with a dynamic range per input vector and block of columns (aihwkit's noise management): for row i and block r
/// (columns [starts[r], starts[r+1])) α = max|x| over the block (1 when it is all zero), y = α·Q(x/α) with Q the hard
/// quantizer to <c>steps</c> cells over [lo, 1] (no quantization when bits is 0). α is written to <c>scales[r·rows + i]</c>
/// for the output stages. Backward is the straight-through identity (nothing clips: |x/α| ≤ 1), with no gradient through α.
/// </summary>
public sealed class RowScaledQuantizeOp<T>(Tensor<T> x, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, IReadOnlyList<int> starts, int bits, bool signed, Span<float> scales)
    {
        int rows = x.Rows, cols = x.Cols, blocks = starts.Count - 1;
        if (scales.Length < rows * blocks) throw new ArgumentException($"{scales.Length} scale slots for {rows} rows × {blocks} blocks.", nameof(scales));
        var y = tape.Output(rows, cols, x.RequiresGrad);
        var lo = signed ? -1.0 : 0.0;
        var steps = bits == 0 ? 0 : signed ? Math.Max(1, (1 << bits) - 2) : (1 << bits) - 1;
        var du = steps == 0 ? 0 : (1 - lo) / steps;
        for (var i = 0; i < rows; i++)
            for (var r = 0; r < blocks; r++)
            {
                var from = x.Values.Slice(i * cols + starts[r], starts[r + 1] - starts[r]);
                var to = y.Values.Slice(i * cols + starts[r], from.Length);
                var max = double.CreateTruncating(T.Abs(TensorPrimitives.MaxMagnitude<T>(from)));
                var alpha = max > 0 ? max : 1;
                scales[r * rows + i] = (float)alpha;
                if (steps == 0)
                {
                    from.CopyTo(to);
                    continue;
                }
                for (var c = 0; c < from.Length; c++)
                {
                    var u = Math.Clamp(double.CreateTruncating(from[c]) / alpha, lo, 1);
                    to[c] = T.CreateTruncating(alpha * (lo + du * Math.Round((u - lo) / du, MidpointRounding.AwayFromZero)));
                }
            }
        tape.Record(new RowScaledQuantizeOp<T>(x, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (!dx.IsEmpty) TensorPrimitives.Add<T>(dx, y.Gradient, dx);
    }
}

/// <summary>The dynamic-range DAC on a tape.</summary>
public static class RowScaledQuantizeExtensions
{
    /// <summary>y = α·Q(x/α), α = max|x| per row and column block (written to <paramref name="scales"/>).</summary>
    public static Tensor<T> RowScaledQuantize<T>(this Tape<T> tape, Tensor<T> x, IReadOnlyList<int> starts, int bits, bool signed, Span<float> scales)
        where T : unmanaged, IFloatingPointIeee754<T> => RowScaledQuantizeOp<T>.Forward(tape, x, starts, bits, signed, scales);
}
