using System.Numerics;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>A matrix product in any float type: fp32 on the MAC core, other types (double checks) on the reference loop.</summary>
internal static class MacGemm
{
    public static void Compute<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, GemmLayout layout,
        bool accumulate, MacPool pool) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            Gemm.Compute(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(c),
                m, n, k, layout, accumulate, default, pool);
        else
            GemmReference.Compute(a, b, c, m, n, k, layout, accumulate);
    }
}
