using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// y[r, g] = scale · Σ_{k &lt; size} x[r, g·size + k]: the class-sum readout of core neurons (each class owns
/// <c>size</c> consecutive neurons). Linear, so backward spreads scale·dy over each group.
/// </summary>
public sealed class GroupSumOp<T>(Tensor<T> x, Tensor<T> y, int size, T scale) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, int size, T scale)
    {
        if (size < 1 || x.Cols % size != 0) throw new ArgumentException($"group sum: {x.Cols} columns do not split into groups of {size}.");
        var groups = x.Cols / size;
        var y = tape.Output(x.Rows, groups, x.RequiresGrad);
        for (var r = 0; r < x.Rows; r++)
            for (var g = 0; g < groups; g++)
            {
                var sum = T.Zero;
                for (var k = 0; k < size; k++) sum += x.Values[r * x.Cols + g * size + k];
                y.Values[r * groups + g] = scale * sum;
            }
        tape.Record(new GroupSumOp<T>(x, y, size, scale), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (dx.IsEmpty) return;
        var groups = y.Cols;
        for (var r = 0; r < x.Rows; r++)
            for (var g = 0; g < groups; g++)
            {
                var d = scale * y.Gradient[r * groups + g];
                for (var k = 0; k < size; k++) dx[r * x.Cols + g * size + k] += d;
            }
    }
}

/// <summary>The group-sum op on a tape.</summary>
public static class GroupSumExtensions
{
    /// <summary>Sums consecutive groups of <paramref name="size"/> columns, times <paramref name="scale"/>.</summary>
    public static Tensor<T> GroupSum<T>(this Tape<T> tape, Tensor<T> x, int size, T scale) where T : unmanaged, IFloatingPointIeee754<T>
        => GroupSumOp<T>.Forward(tape, x, size, scale);
}
