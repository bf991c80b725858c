using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// The operands of one GEMM call, as raw pointers into pinned spans. <see cref="PackedA"/>, when set, is op(A) already
/// in the driver's panel layout (<see cref="GemmPackedA"/>): KC block q at PackedA + q·PackedStride.
/// </summary>
internal readonly unsafe struct GemmArgs(
    float* a, float* b, float* c, int m, int n, int k, GemmLayout layout, bool accumulate, float* bias,
    float* packedA = null, long packedStride = 0)
{
    public readonly float* A = a, B = b, C = c, Bias = bias, PackedA = packedA;
    public readonly int M = m, N = n, K = k;
    public readonly GemmLayout Layout = layout;
    public readonly bool Accumulate = accumulate;
    public readonly long PackedStride = packedStride;
}

/// <summary>
/// The blocked GEMM around a micro-kernel. B is packed whole-k in NR-wide panels for a block of NC columns
/// (shared by all threads); each task owns a block of rows (and possibly a group of panels), packs its A rows per
/// KC block and runs the micro-kernel over its tiles. Every output element is summed the same way whatever the
/// thread count: in p order inside a KC block, KC blocks in order, with KC a function of k alone.
/// </summary>
internal static unsafe class GemmDriver<TKernel> where TKernel : IMicroKernel
{
    private const int McMax = 96;            // rows per task: A block McMax×KcMax stays in L2
    private const int BPackBudget = 1 << 18; // floats (1 MiB) of packed B per column block

    public static void Run(in GemmArgs g, MacPool pool, int threads)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        var kcStep = GemmBlocking.KcStep(g.K);
        var nc = Math.Max(nr, BPackBudget / g.K / nr * nr);
        nc = Math.Min(nc, (g.N + nr - 1) / nr * nr);

        var mPanels = (g.M + mr - 1) / mr;
        int panelsPerRowBlock = Math.Min(McMax / mr, mPanels), colGroupsWanted = 1;
        if (threads > 1)
        {
            // Enough tasks for dynamic balancing on a noisy machine, without splitting rows too finely.
            var target = 4 * threads;
            panelsPerRowBlock = Math.Max(1, Math.Min(panelsPerRowBlock, (mPanels + target - 1) / target));
            panelsPerRowBlock = Math.Max(panelsPerRowBlock, Math.Min(mPanels, 16 / mr + 1));
            var rowBlocksNow = (mPanels + panelsPerRowBlock - 1) / panelsPerRowBlock;
            colGroupsWanted = Math.Max(1, (target + rowBlocksNow - 1) / rowBlocksNow);
        }
        var rowBlocks = (mPanels + panelsPerRowBlock - 1) / panelsPerRowBlock;

        var bPack = GemmBuffers.PackB((long)g.K * nc);
        var transposedB = g.Layout == GemmLayout.NT;
        for (var jc = 0; jc < g.N; jc += nc)
        {
            var cols = Math.Min(nc, g.N - jc);
            var nPanels = (cols + nr - 1) / nr;
            var colGroups = Math.Min(colGroupsWanted, nPanels);
            var computeTasks = rowBlocks * colGroups;
            // B is packed by the first tasks of the same job (row chunks of B, or panels when B is transposed), and
            // compute tasks wait for them: one dispatch per column block instead of two, and no idle barrier between.
            var rowsPerChunk = transposedB ? 0 : Math.Max(32, (g.K + 2 * threads - 1) / (2 * threads));
            var packTasks = threads == 1 ? 1 : transposedB ? nPanels : (g.K + rowsPerChunk - 1) / rowsPerChunk;
            var packed = 0;
            var job = new Job(new ComputeTask(g, jc, nPanels, colGroups, panelsPerRowBlock, kcStep, bPack),
                jc, cols, transposedB, threads == 1 ? g.K : rowsPerChunk, packTasks, &packed);
            if (threads > 1) pool.Run(packTasks + computeTasks, job);
            else for (var t = 0; t < packTasks + computeTasks; t++) job.Execute(t);
        }
    }

    private readonly struct Job(ComputeTask compute, int jc, int cols, bool transposedB, int rowsPerChunk, int packTasks,
        int* packed) : IMacPoolTask
    {
        public void Execute(int index)
        {
            var g = compute.Args;
            if (index < packTasks)
            {
                if (transposedB)
                {
                    // One task per panel, or all panels in the single pack task of a 1-thread run.
                    int first = packTasks == 1 ? 0 : index, last = packTasks == 1 ? (cols + TKernel.NR - 1) / TKernel.NR : index + 1;
                    for (var panel = first; panel < last; panel++)
                        GemmPacking.PackBPanel(g.B, g.N, g.K, true, jc + panel * TKernel.NR, TKernel.NR,
                            compute.BPack + (long)panel * g.K * TKernel.NR);
                }
                else
                {
                    var p0 = index * rowsPerChunk;
                    GemmPacking.PackBRows(g.B, g.N, g.K, jc, cols, TKernel.NR, p0, Math.Min(g.K, p0 + rowsPerChunk), compute.BPack);
                }
                Interlocked.Increment(ref *packed);
                return;
            }
            // Pack tasks are claimed before any compute task (indices are handed out in order), so this waits only
            // for packing already under way on other threads.
            var spins = 0;
            while (Volatile.Read(ref *packed) < packTasks)
                if ((++spins & 7) == 0) Thread.Yield();
                else Thread.SpinWait(20);
            compute.Execute(index - packTasks);
        }
    }

    private readonly struct ComputeTask(GemmArgs g, int jc, int nPanels, int colGroups, int panelsPerRowBlock,
        int kcStep, float* bPack)
    {
        public GemmArgs Args => g;

        public float* BPack => bPack;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            int mr = TKernel.MR, nr = TKernel.NR;
            var rowBlock = index / colGroups;
            var group = index % colGroups;
            var jp0 = (int)((long)nPanels * group / colGroups);
            var jp1 = (int)((long)nPanels * (group + 1) / colGroups);
            var i0 = rowBlock * panelsPerRowBlock * mr;
            var rows = Math.Min(panelsPerRowBlock * mr, g.M - i0);
            var aPack = g.PackedA != null ? null : GemmBuffers.PackA((long)panelsPerRowBlock * mr * kcStep + 8 * mr);
            var scratch = stackalloc float[mr * nr];
            var transposedA = g.Layout == GemmLayout.TN;

            for (var p0 = 0; p0 < g.K; p0 += kcStep)
            {
                var kc = Math.Min(kcStep, g.K - p0);
                // A is packed for every layout, TN included: reading a transposed A in place strides a whole row of A
                // per p, which walks more pages than the TLB holds (measured 18% slower for the weight gradients).
                var aBlock = aPack;
                if (g.PackedA != null) aBlock = g.PackedA + (long)(p0 / kcStep) * g.PackedStride + (long)(i0 / mr) * kc * mr;
                else GemmPacking.PackA(g.A, g.M, g.K, transposedA, i0, rows, p0, kc, aPack, mr);
                var first = p0 == 0;
                var addC = !first || g.Accumulate;
                for (var jp = jp0; jp < jp1; jp++)
                {
                    var j = jc + jp * nr;
                    var cols = Math.Min(nr, g.N - j);
                    var bias = first && g.Bias != null ? g.Bias + j : null;
                    var bPanel = bPack + (long)jp * g.K * nr + (long)p0 * nr;
                    for (var r = 0; r < rows; r += mr)
                    {
                        var aPanel = aBlock + (long)(r / mr) * kc * mr;
                        var c = g.C + (long)(i0 + r) * g.N + j;
                        var valid = Math.Min(mr, rows - r);
                        if (valid == mr && cols == nr)
                        {
                            TKernel.Run(aPanel, bPanel, kc, c, g.N, bias, addC);
                            continue;
                        }

                        // Edge tile: compute in full into scratch, then write the valid part the same way.
                        TKernel.Run(aPanel, bPanel, kc, scratch, nr, null, false);
                        GemmEdge.Merge(scratch, nr, c, g.N, bias, addC, valid, cols);
                    }
                }
            }
        }
    }
}

/// <summary>How the depth k is cut into KC blocks, shared by every driver.</summary>
internal static class GemmBlocking
{
    private const int KcMax = 256;

    /// <summary>The KC block size for depth k: a function of k alone, so sums never depend on m, n or threads.</summary>
    public static int KcStep(int k)
    {
        var kBlocks = (k + KcMax - 1) / KcMax;
        return ((k + kBlocks - 1) / kBlocks + 7) & ~7;
    }
}

/// <summary>Per-thread packing buffers, pinned and 64-byte aligned, grown on demand and reused across calls.</summary>
internal static unsafe class GemmBuffers
{
    [ThreadStatic] private static float[]? t_a;
    [ThreadStatic] private static float[]? t_b;

    public static float* PackA(long floats) => Get(ref t_a, floats);

    public static float* PackB(long floats) => Get(ref t_b, floats);

    private static float* Get(ref float[]? buffer, long floats)
    {
        if (buffer == null || buffer.LongLength < floats + 16)
            buffer = GC.AllocateUninitializedArray<float>(checked((int)(floats + 16)), pinned: true);
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((address + 63) & ~(nint)63);
    }
}
