using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>6×16 fp32 tile in 12 Vector256 accumulators (AVX2: 16 vector registers, 12 + 2 B + 1 broadcast).</summary>
internal readonly unsafe struct Kernel256x6x16 : IMicroKernel
{
    public static int MR => 6;
    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, int kc, float* c, int ldc, float* bias, bool addC)
    {
        var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
        var c40 = Vector256<float>.Zero; var c41 = Vector256<float>.Zero;
        var c50 = Vector256<float>.Zero; var c51 = Vector256<float>.Zero;
        // Unrolled by 4 (then one step at a time): +12–15 % in L1 on Zen 3, where the loop's own pointer and counter
        // updates competed with the 8 loads and 12 FMAs of a step. The order of the sums is unchanged.
        var p = 0;
        for (; p + 4 <= kc; p += 4, a += 4 * MR, b += 64)
        {
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + MR, b + 16, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + 2 * MR, b + 32, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + 3 * MR, b + 48, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
        }
        for (; p < kc; p++, a += MR, b += 16)
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);

        Store(c, c00, c01, bias, addC);
        Store(c + 1 * ldc, c10, c11, bias, addC);
        Store(c + 2 * ldc, c20, c21, bias, addC);
        Store(c + 3 * ldc, c30, c31, bias, addC);
        Store(c + 4 * ldc, c40, c41, bias, addC);
        Store(c + 5 * ldc, c50, c51, bias, addC);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(float* a, float* b, ref Vector256<float> c00, ref Vector256<float> c01, ref Vector256<float> c10,
        ref Vector256<float> c11, ref Vector256<float> c20, ref Vector256<float> c21, ref Vector256<float> c30, ref Vector256<float> c31,
        ref Vector256<float> c40, ref Vector256<float> c41, ref Vector256<float> c50, ref Vector256<float> c51)
    {
        var b0 = Vector256.Load(b);
        var b1 = Vector256.Load(b + 8);
        var a0 = Vector256.Create(a[0]);
        c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
        c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
        var a1 = Vector256.Create(a[1]);
        c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
        c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
        var a2 = Vector256.Create(a[2]);
        c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
        c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
        var a3 = Vector256.Create(a[3]);
        c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
        c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
        var a4 = Vector256.Create(a[4]);
        c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
        c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
        var a5 = Vector256.Create(a[5]);
        c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
        c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> v0, Vector256<float> v1, float* bias, bool addC)
    {
        if (bias != null)
        {
            v0 += Vector256.Load(bias);
            v1 += Vector256.Load(bias + 8);
        }
        if (addC)
        {
            v0 = Vector256.Load(c) + v0;
            v1 = Vector256.Load(c + 8) + v1;
        }
        Vector256.Store(v0, c);
        Vector256.Store(v1, c + 8);
    }
}
