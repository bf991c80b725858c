using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// The Vector256 path for n ≤ <see cref="MaxN"/>: columns in groups of at most 6 (n = 10 → 5 + 5), rows in tiles of 16,
/// <see cref="NarrowKernel{TWidth}"/> per tile and group. A 16-wide B panel would leave 6 of 16 lanes empty for the
/// last layer's n = 10. B is packed once per call ([group][p][w], tiny); A is read in place for TN (its rows are
/// contiguous there) and packed per tile and KC block otherwise. KC blocks are those of <see cref="GemmBlocking"/>,
/// so every element is summed exactly as there.
/// </summary>
internal static unsafe class NarrowGemm
{
    public const int MaxN = 12;
    private const int Rows = 16;
    private const int TilesPerTaskMax = 8;

    public static void Run(in GemmArgs g, MacPool pool, int threads)
    {
        var kcStep = GemmBlocking.KcStep(g.K);
        var bPack = GemmBuffers.PackB((long)g.K * g.N);
        PackB(g, bPack);

        var tiles = (g.M + Rows - 1) / Rows;
        var perTask = threads > 1 ? Math.Clamp((tiles + 4 * threads - 1) / (4 * threads), 1, TilesPerTaskMax) : TilesPerTaskMax;
        var tasks = (tiles + perTask - 1) / perTask;
        var task = new Task(g, bPack, kcStep, perTask);
        if (threads > 1 && tasks > 1) pool.Run(tasks, task);
        else for (var t = 0; t < tasks; t++) task.Execute(t);
    }

    // Group q holds columns [j0, j0 + w) at bPack + j0·k, stored [p][w]; op(B)(p, j) is b[p·n + j] or b[j·k + p] (NT).
    private static void PackB(in GemmArgs g, float* dst)
    {
        var groups = (g.N + 5) / 6;
        for (var q = 0; q < groups; q++)
        {
            var (j0, w) = Group(g.N, groups, q);
            var d = dst + (long)j0 * g.K;
            for (var p = 0; p < g.K; p++)
            for (var j = 0; j < w; j++)
                d[p * w + j] = g.Layout == GemmLayout.NT ? g.B[(long)(j0 + j) * g.K + p] : g.B[(long)p * g.N + j0 + j];
        }
    }

    private static (int J0, int W) Group(int n, int groups, int q)
    {
        var j0 = n * q / groups;
        return (j0, n * (q + 1) / groups - j0);
    }

    private readonly struct Task(GemmArgs g, float* bPack, int kcStep, int perTask) : IMacPoolTask
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            var groups = (g.N + 5) / 6;
            var aPack = GemmBuffers.PackA((long)kcStep * Rows + 64);
            var scratch = stackalloc float[96];
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
                        var b = bPack + (long)j0 * g.K + (long)p0 * w;
                        var c = g.C + (long)i0 * g.N + j0;
                        var bias = first && g.Bias != null ? g.Bias + j0 : null;
                        switch (w)
                        {
                            case 1: NarrowKernel<Width1>.Run(a, lda, b, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 2: NarrowKernel<Width2>.Run(a, lda, b, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 3: NarrowKernel<Width3>.Run(a, lda, b, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 4: NarrowKernel<Width4>.Run(a, lda, b, kc, c, g.N, bias, addC, rows, scratch); break;
                            case 5: NarrowKernel<Width5>.Run(a, lda, b, kc, c, g.N, bias, addC, rows, scratch); break;
                            default: NarrowKernel<Width6>.Run(a, lda, b, kc, c, g.N, bias, addC, rows, scratch); break;
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
