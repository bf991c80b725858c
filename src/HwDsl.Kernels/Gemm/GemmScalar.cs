namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// The fallback when no 256-bit FMA hardware is present: single-threaded, same arithmetic contract as the
/// vector paths (sum in p order, then c = (addC ? c : 0) + (sum + bias)), no blocking.
/// </summary>
internal static unsafe class GemmScalar
{
    public static void Run(in GemmArgs g)
    {
        int m = g.M, n = g.N, k = g.K;
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            var s = 0f;
            for (var p = 0; p < k; p++)
            {
                var av = g.Layout == GemmLayout.TN ? g.A[(long)p * m + i] : g.A[(long)i * k + p];
                var bv = g.Layout == GemmLayout.NT ? g.B[(long)j * k + p] : g.B[(long)p * n + j];
                s = MathF.FusedMultiplyAdd(av, bv, s);
            }
            if (g.Bias != null) s += g.Bias[j];
            var c = g.C + (long)i * n + j;
            *c = g.Accumulate ? *c + s : s;
        }
    }
}
