using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// y[r, g] = scale · Σ_{k : group[k] = g} x[r, k]: the class-sum readout of core neurons (column k counts for class
/// group[k]; columns are added in order). Linear, so backward gives column k scale·dy[r, group[k]].
/// </summary>
public sealed class GroupSumOp<T>(Tensor<T> x, Tensor<T> y, int[] group, T scale) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, int[] group, int groups, T scale)
    {
        if (group.Length != x.Cols) throw new ArgumentException($"group sum: {group.Length} group indices for {x.Cols} columns.");
        foreach (var g in group)
            if ((uint)g >= (uint)groups) throw new ArgumentException($"group sum: group {g} is outside 0..{groups - 1}.");
        var y = tape.Output(x.Rows, groups, x.RequiresGrad);
        y.Values.Clear();
        for (var r = 0; r < x.Rows; r++)
        {
            var sums = y.Values.Slice(r * groups, groups);
            var row = x.Values.Slice(r * x.Cols, x.Cols);
            for (var k = 0; k < row.Length; k++) sums[group[k]] += row[k];
        }
        for (var k = 0; k < y.Length; k++) y.Values[k] *= scale;
        tape.Record(new GroupSumOp<T>(x, y, group, scale), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(x);
        if (dx.IsEmpty) return;
        var groups = y.Cols;
        for (var r = 0; r < x.Rows; r++)
        {
            var dy = y.Gradient.Slice(r * groups, groups);
            var row = dx.Slice(r * x.Cols, x.Cols);
            for (var k = 0; k < row.Length; k++) row[k] += scale * dy[group[k]];
        }
    }
}

/// <summary>The group-sum op on a tape.</summary>
public static class GroupSumExtensions
{
    /// <summary>Sums the columns of each group (column k belongs to group <paramref name="group"/>[k] &lt; <paramref name="groups"/>), times <paramref name="scale"/>.</summary>
    public static Tensor<T> GroupSum<T>(this Tape<T> tape, Tensor<T> x, int[] group, int groups, T scale) where T : unmanaged, IFloatingPointIeee754<T>
        => GroupSumOp<T>.Forward(tape, x, group, groups, scale);
}
