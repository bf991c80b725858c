using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>Writes the valid part of an edge tile computed into scratch, with the micro-kernels' arithmetic.</summary>
internal static unsafe class GemmEdge
{
    /// <summary>c[x, y] = (addC ? c[x, y] : 0) + (s[x, y] + bias[y]) for x &lt; rows, y &lt; cols.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Merge(float* s, int lds, float* c, int ldc, float* bias, bool addC, int rows, int cols)
    {
        for (var x = 0; x < rows; x++, s += lds, c += (long)ldc)
        {
            var y = 0;
            for (; y + 8 <= cols; y += 8)
            {
                var t = Vector256.Load(s + y);
                if (bias != null) t += Vector256.Load(bias + y);
                if (addC) t = Vector256.Load(c + y) + t;
                Vector256.Store(t, c + y);
            }
            if (y == cols) continue;
            if (Avx.IsSupported)
            {
                // Lanes past cols are neither read nor written (vmaskmovps does not fault on masked-off lanes).
                var mask = Vector256.LessThan(Vector256.Create(y) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7),
                    Vector256.Create(cols)).AsSingle();
                var t = Vector256.Load(s + y);
                if (bias != null) t += Avx.MaskLoad(bias + y, mask);
                if (addC) t = Avx.MaskLoad(c + y, mask) + t;
                Avx.MaskStore(c + y, mask, t);
                continue;
            }
            for (; y < cols; y++)
            {
                var t = s[y];
                if (bias != null) t += bias[y];
                c[y] = addC ? c[y] + t : t;
            }
        }
    }
}
