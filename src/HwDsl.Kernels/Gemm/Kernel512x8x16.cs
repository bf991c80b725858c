using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>8×16 fp32 tile in 8 Vector512 accumulators, for narrow outputs (n ≤ 16).</summary>
internal readonly unsafe struct Kernel512x8x16 : IMicroKernel
{
    public static int MR => 8;
    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, int kc, float* c, int ldc, float* bias, bool addC)
    {
        var c00 = Vector512<float>.Zero;
        var c10 = Vector512<float>.Zero;
        var c20 = Vector512<float>.Zero;
        var c30 = Vector512<float>.Zero;
        var c40 = Vector512<float>.Zero;
        var c50 = Vector512<float>.Zero;
        var c60 = Vector512<float>.Zero;
        var c70 = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            var a1 = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            var a2 = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            var a3 = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            var a4 = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            var a5 = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            var a6 = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            var a7 = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            a += MR;
            b += 16;
        }

        Store(c, c00, bias, addC);
        Store(c + 1 * ldc, c10, bias, addC);
        Store(c + 2 * ldc, c20, bias, addC);
        Store(c + 3 * ldc, c30, bias, addC);
        Store(c + 4 * ldc, c40, bias, addC);
        Store(c + 5 * ldc, c50, bias, addC);
        Store(c + 6 * ldc, c60, bias, addC);
        Store(c + 7 * ldc, c70, bias, addC);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> v0, float* bias, bool addC)
    {
        if (bias != null)
        {
            v0 += Vector512.Load(bias);
        }
        if (addC)
        {
            v0 = Vector512.Load(c) + v0;
        }
        Vector512.Store(v0, c);
    }
}
