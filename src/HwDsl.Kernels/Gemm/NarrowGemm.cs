using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// The path for n ≤ <see cref="MaxN"/>: rows in tiles of 16, columns in groups of at most 6 (n = 10 → 5 + 5) with
/// <see cref="NarrowKernel{TWidth}"/> on Vector256, or of at most 12 (n = 10 in one group) with
/// <see cref="NarrowKernel512{TWidth}"/> on Vector512 (measured on Zen 4 at 1 thread, 256×10×128 TN: the 8×16 tile of
/// the wide driver 37 GFLOP/s, the Vector256 16×w kernel 67, the Vector512 one 81; OpenBLAS 76). A 16-wide B panel would leave 6 of 16 lanes empty for the
/// last layer's n = 10. B is read in place where its rows are contiguous (NN, TN: step p of a group is w floats at
/// b + p·n + j0) and packed once per call otherwise (NT: [group][p][w], tiny); A is read in place for TN (its rows are
/// contiguous there) and packed per tile and KC block otherwise. KC blocks are those of <see cref="GemmBlocking"/>,
/// so every element is summed exactly as there.
/// </summary>
internal static unsafe class NarrowGemm
{
    public const int MaxN = 12;
    private const int Rows = 16;
    private const int TilesPerTaskMax = 8;

    public static void Run<TTile>(in GemmArgs g, MacPool pool, int threads) where TTile : struct, INarrowTile
    {
        var maxW = TTile.MaxW;
        var kcStep = GemmBlocking.KcStep(g.K);
        float* bPack = null;
        if (g.Layout == GemmLayout.NT)
        {
            bPack = GemmBuffers.PackB((long)g.K * g.N);
            PackB(g, bPack, maxW);
        }

        var tiles = (g.M + Rows - 1) / Rows;
        var perTask = threads > 1 ? Math.Clamp((tiles + 4 * threads - 1) / (4 * threads), 1, TilesPerTaskMax) : TilesPerTaskMax;
        var tasks = (tiles + perTask - 1) / perTask;
        var task = new Task<TTile>(g, bPack, kcStep, perTask);
        if (threads > 1 && tasks > 1) pool.Run(tasks, task);
        else for (var t = 0; t < tasks; t++) task.Execute(t);
    }

    // Group q holds columns [j0, j0 + w) at bPack + j0·k, stored [p][w]; op(B)(p, j) is b[j·k + p] (NT).
    private static void PackB(in GemmArgs g, float* dst, int maxW)
    {
        var groups = (g.N + maxW - 1) / maxW;
        for (var q = 0; q < groups; q++)
        {
            var (j0, w) = Group(g.N, groups, q);
            var d = dst + (long)j0 * g.K;
            for (var p = 0; p < g.K; p++)
            for (var j = 0; j < w; j++)
                d[p * w + j] = g.B[(long)(j0 + j) * g.K + p];
        }
    }

    private static (int J0, int W) Group(int n, int groups, int q)
    {
        var j0 = n * q / groups;
        return (j0, n * (q + 1) / groups - j0);
    }

    private readonly struct Task<TTile>(GemmArgs g, float* bPack, int kcStep, int perTask) : IMacPoolTask
        where TTile : struct, INarrowTile
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            var groups = (g.N + TTile.MaxW - 1) / TTile.MaxW;
            var aPack = GemmBuffers.PackA((long)kcStep * Rows + 64);
            var scratch = stackalloc float[192];
            var tileEnd = Math.Min((index + 1) * perTask * Rows, g.M);
            for (var i0 = index * perTask * Rows; i0 < tileEnd; i0 += Rows)
            {
                var rows = Math.Min(Rows, g.M - i0);
                for (var p0 = 0; p0 < g.K; p0 += kcStep)
                {
                    var kc = Math.Min(kcStep, g.K - p0);
                    float* a;
                    long lda;
                    if (g.Layout == GemmLayout.TN && rows == Rows)
                    {
                        a = g.A + (long)p0 * g.M + i0;
                        lda = g.M;
                    }
                    else
                    {
                        PackTile(g, i0, rows, p0, kc, aPack);
                        a = aPack;
                        lda = Rows;
                    }
                    var first = p0 == 0;
                    var addC = !first || g.Accumulate;
                    for (var q = 0; q < groups; q++)
                    {
                        var (j0, w) = Group(g.N, groups, q);
                        long ldb = bPack != null ? w : g.N;
                        var b = (bPack != null ? bPack + (long)j0 * g.K : g.B + j0) + p0 * ldb;
                        var c = g.C + (long)i0 * g.N + j0;
                        var bias = first && g.Bias != null ? g.Bias + j0 : null;
                        switch (w)
                        {
                            case 1: TTile.Run<Width1>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 2: TTile.Run<Width2>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 3: TTile.Run<Width3>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 4: TTile.Run<Width4>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 5: TTile.Run<Width5>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 6: TTile.Run<Width6>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 7: TTile.Run<Width7>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 8: TTile.Run<Width8>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 9: TTile.Run<Width9>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 10: TTile.Run<Width10>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 11: TTile.Run<Width11>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                            default: TTile.Run<Width12>(a, lda, b, ldb, kc, c, g.N, bias, addC, rows, scratch); break;
                        }
                    }
                }
            }
        }

        // Rows [i0, i0 + rows) and steps [p0, p0 + kc) of op(A) as [p][16], zero rows past the end.
        private void PackTile(in GemmArgs g, int i0, int rows, int p0, int kc, float* dst)
        {
            if (g.Layout == GemmLayout.TN)
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = g.A + (long)(p0 + p) * g.M + i0;
                    for (var r = 0; r < Rows; r++) dst[p * Rows + r] = r < rows ? src[r] : 0f;
                }
                return;
            }
            var row = g.A + (long)i0 * g.K + p0;
            var p8 = 0;
            if (rows == Rows && Avx.IsSupported)
                for (; p8 + 8 <= kc; p8 += 8)
                for (var half = 0; half < 2; half++)
                {
                    var s = row + (long)half * 8 * g.K + p8;
                    GemmPacking.Transpose8x8Store(s, s + g.K, s + 2L * g.K, s + 3L * g.K, s + 4L * g.K, s + 5L * g.K,
                        s + 6L * g.K, s + 7L * g.K, dst + p8 * Rows + half * 8, Rows);
                }
            for (var p = p8; p < kc; p++)
            for (var r = 0; r < Rows; r++)
                dst[p * Rows + r] = r < rows ? row[(long)r * g.K + p] : 0f;
        }
    }
}
