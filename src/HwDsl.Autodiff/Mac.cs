using System.Numerics;
using System.Runtime.InteropServices;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>Routes matrix products to the fp32 MAC core, or to the reference path for other types (double checks).</summary>
internal static class Mac
{
    public static void Gemm<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, GemmLayout layout,
        bool accumulate, ReadOnlySpan<T> bias, MacPool pool) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            Kernels.Gemm.Compute(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(c),
                m, n, k, layout, accumulate, MemoryMarshal.Cast<T, float>(bias), pool);
        else
            GemmReference.Compute(a, b, c, m, n, k, layout, accumulate, bias);
    }
}
