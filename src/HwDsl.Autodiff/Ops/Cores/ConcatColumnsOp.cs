using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>y = [x₀ | x₁ | …] side by side (the neurons of a layer's cores in core order); backward splits dy.</summary>
public sealed class ConcatColumnsOp<T>(IReadOnlyList<Tensor<T>> parts, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, IReadOnlyList<Tensor<T>> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("concat: nothing to join.");
        var rows = parts[0].Rows;
        if (parts.Any(p => p.Rows != rows)) throw new ArgumentException("concat: the parts have different row counts.");
        var y = tape.Output(rows, parts.Sum(p => p.Cols), parts.Any(p => p.RequiresGrad));
        for (var r = 0; r < rows; r++)
        {
            var at = r * y.Cols;
            foreach (var p in parts)
            {
                p.Values.Slice(r * p.Cols, p.Cols).CopyTo(y.Values[at..]);
                at += p.Cols;
            }
        }
        tape.Record(new ConcatColumnsOp<T>(parts, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var offset = 0;
        foreach (var p in parts)
        {
            var dp = tape.GradientOf(p);
            if (!dp.IsEmpty)
                for (var r = 0; r < y.Rows; r++)
                    System.Numerics.Tensors.TensorPrimitives.Add<T>(dp.Slice(r * p.Cols, p.Cols), y.Gradient.Slice(r * y.Cols + offset, p.Cols), dp.Slice(r * p.Cols, p.Cols));
            offset += p.Cols;
        }
    }
}

/// <summary>The concat op on a tape.</summary>
public static class ConcatColumnsExtensions
{
    /// <summary>Joins tensors with the same rows side by side.</summary>
    public static Tensor<T> ConcatColumns<T>(this Tape<T> tape, IReadOnlyList<Tensor<T>> parts) where T : unmanaged, IFloatingPointIeee754<T>
        => ConcatColumnsOp<T>.Forward(tape, parts);
}
