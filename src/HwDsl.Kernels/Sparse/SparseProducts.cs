using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using HwDsl.Kernels.GemmImpl;

namespace HwDsl.Kernels;

/// <summary>
/// X·B + bias for a left operand with many exact zeros (MNIST's pixels are ~80 % zero), bit for bit what
/// <see cref="Gemm"/> gives in the NN layout without accumulation, touching only the non-zeros. The MAC core sums each
/// element as an FMA chain from +0 in p order per KC block; a zero x adds x·b = ±0 to it, which leaves any sum unchanged
/// (+0 + −0 = +0, and the chain never holds −0), for finite B. So the non-zeros, fused-multiply-added in p order with the
/// same blocks and the same epilogue (c = first block + bias, later blocks added to it), give the same bits.
/// </summary>
public static unsafe class SparseProducts
{
    private const int Chunk = 64; // output columns accumulated in registers at a time (8 vectors)

    /// <summary>
    /// Lists, per row of the rows×cols matrix <paramref name="x"/>, its non-zero values and their columns (ascending):
    /// row r's at [<paramref name="starts"/>[r], <paramref name="starts"/>[r + 1]) of <paramref name="columns"/> and
    /// <paramref name="values"/>. NaN counts as non-zero. Returns the number of non-zeros.
    /// </summary>
    public static int Index(ReadOnlySpan<float> x, int rows, int cols, Span<int> starts, Span<int> columns, Span<float> values)
    {
        if (rows < 0 || cols < 0 || x.Length < (long)rows * cols) throw new ArgumentException($"x holds {x.Length} values; {rows}×{cols} needed.");
        if (starts.Length < rows + 1) throw new ArgumentException($"starts holds {starts.Length} values; {rows + 1} needed.");
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            starts[r] = n;
            var row = x.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++)
            {
                if (row[c] == 0f) continue;
                if (n >= columns.Length || n >= values.Length) throw new ArgumentException($"columns/values hold {Math.Min(columns.Length, values.Length)} entries; x has more non-zeros.");
                columns[n] = c;
                values[n++] = row[c];
            }
        }
        starts[rows] = n;
        return n;
    }

    /// <summary>
    /// C (m×n) = X·B + bias, X (m×k) given by its row lists (<see cref="Index"/>), B (k×n) finite: the same as
    /// <see cref="Gemm.Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, GemmLayout, bool, ReadOnlySpan{float}, MacPool?)"/>
    /// in the NN layout without accumulation, bit for bit, on any kernel path. Single-threaded: it is meant for callers
    /// that already run one product per thread.
    /// </summary>
    public static void RowsTimes(ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, ReadOnlySpan<float> b,
        Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias)
    {
        if (m < 0 || n < 0 || k < 0) throw new ArgumentOutOfRangeException(nameof(m), $"dimensions must be non-negative; got {m}×{n}×{k}.");
        if (b.Length < (long)k * n) throw new ArgumentException($"B holds {b.Length} values; {k}×{n} needs {(long)k * n}.");
        if (c.Length < (long)m * n) throw new ArgumentException($"C holds {c.Length} values; {m}×{n} needs {(long)m * n}.");
        if (starts.Length < m + 1) throw new ArgumentException($"starts holds {starts.Length} values; {m + 1} needed.");
        if (!bias.IsEmpty && bias.Length != n) throw new ArgumentException($"bias holds {bias.Length} values; it must be empty or n = {n}.");
        if (columns.Length < starts[m] || values.Length < starts[m]) throw new ArgumentException($"the lists hold fewer than the {starts[m]} non-zeros starts names.");
        for (var e = 0; e < starts[m]; e++)
            if ((uint)columns[e] >= (uint)k) throw new ArgumentException($"column {columns[e]} of entry {e} is outside 0..{k - 1}.");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            for (var r = 0; r < m; r++)
                if (bias.IsEmpty) c.Slice(r * n, n).Clear();
                else bias.CopyTo(c.Slice(r * n, n));
            return;
        }
        // The MAC core's KC blocks; its scalar fallback sums each element in one chain over all of k.
        var kcStep = Gemm.Path == Gemm.KernelPath.Scalar ? k : GemmBlocking.KcStep(k);
        var w = Math.Min(Chunk, n);
        // Columns outer, each 64-column slice of B copied contiguous ([p][64], k·256 bytes): the rows a list names are then
        // adjacent lines of a few pages, in L2, instead of 256 bytes at a stride of n floats across all of B's pages (that
        // ran at a fifth of the dense product's rate).
        var slice = GemmBuffers.PackB((long)k * w);
        fixed (int* ps = starts, pc = columns)
        fixed (float* pv = values, pb = b, pcc = c, pbias = bias)
            for (var j0 = 0; j0 < n; j0 += Chunk)
            {
                var start = n >= Chunk && j0 + Chunk > n ? n - Chunk : j0;
                for (var p = 0; p < k; p++) new ReadOnlySpan<float>(pb + (long)p * n + start, w).CopyTo(new Span<float>(slice + (long)p * w, w));
                var sliceBias = bias.IsEmpty ? null : pbias + start;
                for (var r = 0; r < m; r++)
                    RowChunk(pc, pv, ps[r], ps[r + 1], slice, w, kcStep, w, pcc + (long)r * n + start, sliceBias);
            }
    }

    // One row's w outputs from a packed slice (row p of the slice at src + p·ld).
    private static void RowChunk(int* list, float* values, int from, int to, float* src, int ld, int kcStep, int w, float* output, float* bias)
    {
        var e = from;
        var block = 0;
        do
        {
            var blockEnd = (block + 1) * kcStep;
            var start = e;
            while (e < to && list[e] < blockEnd) e++;
            var b = block == 0 ? bias : null;
            if (w == Chunk) Sum64(list, values, start, e, src, ld, output, b, block > 0);
            else SumNarrow(list, values, start, e, src, ld, w, output, b, block > 0);
            block++;
        } while (e < to); // at least one block, so a row without non-zeros gets its bias; empty later blocks add +0
    }

    // o[j] = FMA chain of values[e]·src[list[e]·n + j] over e in [from, to) from +0, then + bias[j], or o[j] + that when add.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sum64(int* list, float* values, int from, int to, float* src, int n, float* o, float* bias, bool add)
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (var e = from; e < to; e++)
        {
            var row = src + (long)list[e] * n;
            var x = Vector256.Create(values[e]);
            a0 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row), a0); a1 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 8), a1);
            a2 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 16), a2); a3 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 24), a3);
            a4 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 32), a4); a5 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 40), a5);
            a6 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 48), a6); a7 = Vector256.FusedMultiplyAdd(x, Vector256.Load(row + 56), a7);
        }
        if (bias != null)
        {
            a0 += Vector256.Load(bias); a1 += Vector256.Load(bias + 8); a2 += Vector256.Load(bias + 16); a3 += Vector256.Load(bias + 24);
            a4 += Vector256.Load(bias + 32); a5 += Vector256.Load(bias + 40); a6 += Vector256.Load(bias + 48); a7 += Vector256.Load(bias + 56);
        }
        if (add)
        {
            a0 = Vector256.Load(o) + a0; a1 = Vector256.Load(o + 8) + a1; a2 = Vector256.Load(o + 16) + a2; a3 = Vector256.Load(o + 24) + a3;
            a4 = Vector256.Load(o + 32) + a4; a5 = Vector256.Load(o + 40) + a5; a6 = Vector256.Load(o + 48) + a6; a7 = Vector256.Load(o + 56) + a7;
        }
        a0.Store(o); a1.Store(o + 8); a2.Store(o + 16); a3.Store(o + 24);
        a4.Store(o + 32); a5.Store(o + 40); a6.Store(o + 48); a7.Store(o + 56);
    }

    // The same for fewer than 64 columns (only when n < 64), through a scratch row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void SumNarrow(int* list, float* values, int from, int to, float* src, int n, int w, float* o, float* bias, bool add)
    {
        var s = stackalloc float[Chunk];
        for (var j = 0; j < w; j++) s[j] = 0f;
        for (var e = from; e < to; e++)
        {
            var row = src + (long)list[e] * n;
            var x = values[e];
            var j = 0;
            var xv = Vector256.Create(x);
            for (; j + 8 <= w; j += 8) Vector256.FusedMultiplyAdd(xv, Vector256.Load(row + j), Vector256.Load(s + j)).Store(s + j);
            for (; j < w; j++) s[j] = MathF.FusedMultiplyAdd(x, row[j], s[j]);
        }
        for (var j = 0; j < w; j++)
        {
            var t = bias != null ? s[j] + bias[j] : s[j];
            o[j] = add ? o[j] + t : t;
        }
    }
}
