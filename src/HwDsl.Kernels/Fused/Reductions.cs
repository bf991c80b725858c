using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>Reductions the backward pass needs, in a fixed order so results replay bit-for-bit.</summary>
public static class Reductions
{
    /// <summary>sums[j] += Σ_i x[i, j] for a row-major rows×cols matrix (the bias gradient).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddColumnSums<T>(ReadOnlySpan<T> x, int rows, int cols, Span<T> sums) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length < rows * cols) throw new ArgumentException($"x holds {x.Length} values; {rows}×{cols} needs {rows * cols}.");
        if (sums.Length != cols) throw new ArgumentException($"sums holds {sums.Length} values; it must hold cols = {cols}.");
        var vectorCols = Vector.IsHardwareAccelerated ? cols - cols % Vector<T>.Count : 0;
        var vsums = MemoryMarshal.Cast<T, Vector<T>>(sums[..vectorCols]);
        for (var i = 0; i < rows; i++)
        {
            var row = x.Slice(i * cols, cols);
            var vrow = MemoryMarshal.Cast<T, Vector<T>>(row[..vectorCols]);
            for (var v = 0; v < vsums.Length; v++) vsums[v] += vrow[v];
            for (var j = vectorCols; j < cols; j++) sums[j] += row[j];
        }
    }
}
