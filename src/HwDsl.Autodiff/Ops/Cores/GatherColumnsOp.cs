using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// y[r, k] = x[r, index[k]]: routes sources to a core's axons (input windows, or the neurons of the cores below).
/// A source may feed several axons; backward adds each axon's gradient back to its source.
/// </summary>
public sealed class GatherColumnsOp<T>(Tensor<T> x, Tensor<T> y, int[] index) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, int[] index)
    {
        foreach (var i in index)
            if ((uint)i >= (uint)x.Cols) throw new ArgumentException($"gather: column {i} is outside the input's {x.Cols} columns.");
        var y = tape.Output(x.Rows, index.Length, x.RequiresGrad);
        for (var r = 0; r < x.Rows; r++)
        {
            var src = x.Values.Slice(r * x.Cols, x.Cols);
            var dst = y.Values.Slice(r * index.Length, index.Length);
            for (var k = 0; k < index.Length; k++) dst[k] = src[index[k]];
        }
        tape.Record(new GatherColumnsOp<T>(x, y, index), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (dx.IsEmpty) return;
        for (var r = 0; r < x.Rows; r++)
        {
            var dst = dx.Slice(r * x.Cols, x.Cols);
            var src = y.Gradient.Slice(r * index.Length, index.Length);
            for (var k = 0; k < index.Length; k++) dst[index[k]] += src[k];
        }
    }
}

/// <summary>The gather op on a tape.</summary>
public static class GatherColumnsExtensions
{
    /// <summary>Selects (and may repeat) columns of <paramref name="x"/>.</summary>
    public static Tensor<T> GatherColumns<T>(this Tape<T> tape, Tensor<T> x, int[] index) where T : unmanaged, IFloatingPointIeee754<T>
        => GatherColumnsOp<T>.Forward(tape, x, index);
}
