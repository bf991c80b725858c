using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using HwDsl.Kernels.GemmImpl;

namespace HwDsl.Kernels;

/// <summary>
/// Products with a spike matrix X (every value +0 or 1) that give exactly what <see cref="Gemm"/> gives, bit for bit,
/// while touching only the ones. In the MAC core each element is an FMA chain from +0 in p order per KC block; with
/// x ∈ {0, 1} a step is acc + b (x = 1) or acc + (±0) = acc (x = 0; acc is never −0), so skipping the zeros and
/// adding the rest in p order changes nothing, for any finite other operand. Spikes are sparse (a window's thresholded
/// pixels, a layer's hard spikes), so this is a fraction of the dense work.
/// </summary>
public static unsafe class BinaryProducts
{
    private const int Chunk = 64; // output columns accumulated in registers at a time (8 vectors)

    /// <summary>True when every value of <paramref name="x"/> is +0 or 1 (bit patterns, so −0 and NaN are not).</summary>
    public static bool IsBinary(ReadOnlySpan<float> x)
    {
        foreach (var v in x)
        {
            var bits = BitConverter.SingleToInt32Bits(v);
            if (bits != 0 && bits != 0x3F800000) return false;
        }
        return true;
    }

    /// <summary>
    /// Lists, per row of the rows×cols spike matrix <paramref name="x"/>, the columns holding 1 (ascending):
    /// row r's at <paramref name="columns"/>[<paramref name="starts"/>[r] .. <paramref name="starts"/>[r + 1]).
    /// With <paramref name="transpose"/>, per column the rows holding 1 instead (starts has cols + 1 entries).
    /// </summary>
    public static void Index(ReadOnlySpan<float> x, int rows, int cols, bool transpose, Span<int> starts, Span<int> columns)
    {
        Check(x.Length, rows, cols, "x");
        var lists = transpose ? cols : rows;
        if (starts.Length < lists + 1) throw new ArgumentException($"starts holds {starts.Length} values; {lists + 1} needed.");
        if (columns.Length < (long)rows * cols) throw new ArgumentException($"columns holds {columns.Length} values; up to {(long)rows * cols} needed.");
        if (!transpose)
        {
            var n = 0;
            for (var r = 0; r < rows; r++)
            {
                starts[r] = n;
                n = Ones(x.Slice(r * cols, cols), columns, n);
            }
            starts[rows] = n;
            return;
        }
        // Per column, the rows holding 1 in ascending order: count, prefix-sum, then fill row by row.
        starts[..(cols + 1)].Clear();
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            if (x[r * cols + c] == 1f) starts[c + 1]++;
        for (var c = 0; c < cols; c++) starts[c + 1] += starts[c];
        Span<int> next = cols <= 1024 ? stackalloc int[cols] : new int[cols];
        starts[..cols].CopyTo(next);
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++)
                if (row[c] == 1f) columns[next[c]++] = r;
        }
    }

    /// <summary>
    /// The column lists of a rows×cols spike matrix from its row lists (<see cref="Index"/>): per column, the rows holding 1
    /// in ascending order, in O(ones) rather than a scan of the matrix.
    /// </summary>
    public static void Transpose(ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> columns, int rows, int cols, Span<int> starts, Span<int> rowList)
    {
        if (rowStarts.Length < rows + 1 || starts.Length < cols + 1) throw new ArgumentException($"transpose: {rows} rows and {cols} columns need {rows + 1} and {cols + 1} starts.");
        var ones = rowStarts[rows];
        if (rowList.Length < ones || columns.Length < ones) throw new ArgumentException($"transpose: {ones} ones; the lists hold {columns.Length} and {rowList.Length}.");
        starts[..(cols + 1)].Clear();
        for (var e = 0; e < ones; e++) starts[columns[e] + 1]++;
        for (var c = 0; c < cols; c++) starts[c + 1] += starts[c];
        Span<int> next = cols <= 1024 ? stackalloc int[cols] : new int[cols];
        starts[..cols].CopyTo(next);
        for (var r = 0; r < rows; r++)
            for (var e = rowStarts[r]; e < rowStarts[r + 1]; e++) rowList[next[columns[e]]++] = r;
    }

    // Appends the indices of the ones of x to list from n; returns the new end.
    private static int Ones(ReadOnlySpan<float> x, Span<int> list, int n)
    {
        var c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            for (; c + 8 <= x.Length; c += 8)
            {
                var mask = Vector256.Equals(Vector256.Create(x.Slice(c, 8)), one).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    list[n++] = c + System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }
        }
        for (; c < x.Length; c++)
            if (x[c] == 1f) list[n++] = c;
        return n;
    }

    /// <summary>
    /// C (m×n) = X·B + bias, X (m×k) a spike matrix given by its row lists (<see cref="Index"/>), B (k×n) finite; the same as <see cref="Gemm.Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, GemmLayout, bool, ReadOnlySpan{float}, MacPool?)"/>
    /// in the NN layout without accumulation, bit for bit (the bias enters after the first KC block, as there).
    /// </summary>
    public static void SpikesTimes(ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> b, Span<float> c,
        int m, int n, int k, ReadOnlySpan<float> bias)
    {
        Check(b.Length, k, n, "B");
        Check(c.Length, m, n, "C");
        if (starts.Length < m + 1) throw new ArgumentException($"starts holds {starts.Length} values; {m + 1} needed.");
        if (!bias.IsEmpty && bias.Length != n) throw new ArgumentException($"bias holds {bias.Length} values; it must be empty or n = {n}.");
        if (k == 0)
        {
            for (var r = 0; r < m; r++)
                if (bias.IsEmpty) c.Slice(r * n, n).Clear();
                else bias.CopyTo(c.Slice(r * n, n));
            return;
        }
        var kcStep = KcStep(k);
        fixed (int* ps = starts, pc = columns)
        fixed (float* pb = b, pcc = c, pbias = bias)
            for (var r = 0; r < m; r++)
            for (var j0 = 0; j0 < n; j0 += Chunk)
                RowChunk(pc, ps[r], ps[r + 1], pb, n, kcStep, ChunkStart(j0, n), Math.Min(Chunk, n), pcc + (long)r * n, bias.IsEmpty ? null : pbias);
    }

    /// <summary>
    /// C (m×n) = Xᵀ·D for X (k×m) a spike matrix given by its column lists (<see cref="Index"/> with transpose) and D (k×n)
    /// any values: row i of C sums the rows p of D where X[p, i] = 1, in p order, per KC block as the MAC core does;
    /// the same as the TN layout of <see cref="Gemm"/> without accumulation, bit for bit.
    /// </summary>
    public static void SpikesTransposedTimes(ReadOnlySpan<int> starts, ReadOnlySpan<int> rows, ReadOnlySpan<float> d, Span<float> c,
        int m, int n, int k)
    {
        Check(d.Length, k, n, "D");
        Check(c.Length, m, n, "C");
        if (starts.Length < m + 1) throw new ArgumentException($"starts holds {starts.Length} values; {m + 1} needed.");
        if (k == 0)
        {
            c[..(m * n)].Clear();
            return;
        }
        var kcStep = KcStep(k);
        fixed (int* ps = starts, pr = rows)
        fixed (float* pd = d, pcc = c)
            for (var i = 0; i < m; i++)
            for (var j0 = 0; j0 < n; j0 += Chunk)
                RowChunk(pr, ps[i], ps[i + 1], pd, n, kcStep, ChunkStart(j0, n), Math.Min(Chunk, n), pcc + (long)i * n, null);
    }

    // The MAC core's KC blocks; its scalar fallback sums each element in one chain over all of k.
    private static int KcStep(int k) => Gemm.Path == Gemm.KernelPath.Scalar ? k : GemmBlocking.KcStep(k);

    // A last chunk narrower than 64 is moved left to end at n, overlapping the one before: its overlapping columns are
    // recomputed from scratch (every KC block included) to the same values, and no column is left to a scalar tail.
    private static int ChunkStart(int j0, int n) => n >= Chunk && j0 + Chunk > n ? n - Chunk : j0;

    // out[j0..j0+w) = per KC block: Σ_{list entries p in the block} src[p, j] (from +0), the first block plus bias, later
    // blocks added to it: the micro-kernels' c = (addC ? c : 0) + (acc + bias).
    private static void RowChunk(int* list, int from, int to, float* src, int n, int kcStep, int j0, int w, float* output, float* bias)
    {
        var e = from;
        var block = 0;
        do
        {
            var blockEnd = (block + 1) * kcStep;
            var start = e;
            while (e < to && list[e] < blockEnd) e++;
            var b = block == 0 && bias != null ? bias + j0 : null;
            if (w == Chunk) Sum64(list, start, e, src + j0, n, output + j0, b, block > 0);
            else SumNarrow(list, start, e, src + j0, n, w, output + j0, b, block > 0);
            block++;
        } while (e < to);
    }

    // o[j] = Σ src[list[e]·n + j] over e in [from, to) from +0 in list order, then + bias[j], or o[j] + that sum when
    // add; 64 columns in eight registers, written straight from them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sum64(int* list, int from, int to, float* src, int n, float* o, float* bias, bool add)
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (var e = from; e < to; e++)
        {
            var row = src + (long)list[e] * n;
            a0 += Vector256.Load(row); a1 += Vector256.Load(row + 8); a2 += Vector256.Load(row + 16); a3 += Vector256.Load(row + 24);
            a4 += Vector256.Load(row + 32); a5 += Vector256.Load(row + 40); a6 += Vector256.Load(row + 48); a7 += Vector256.Load(row + 56);
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
    private static void SumNarrow(int* list, int from, int to, float* src, int n, int w, float* o, float* bias, bool add)
    {
        var s = stackalloc float[Chunk];
        for (var j = 0; j < w; j++) s[j] = 0f;
        for (var e = from; e < to; e++)
        {
            var row = src + (long)list[e] * n;
            var j = 0;
            for (; j + 8 <= w; j += 8) (Vector256.Load(s + j) + Vector256.Load(row + j)).Store(s + j);
            for (; j < w; j++) s[j] += row[j];
        }
        for (var j = 0; j < w; j++)
        {
            var t = bias != null ? s[j] + bias[j] : s[j];
            o[j] = add ? o[j] + t : t;
        }
    }

    private static void Check(int length, int rows, int cols, string name)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"{name}: dimensions must be non-negative; got {rows}×{cols}.");
        if (length < (long)rows * cols) throw new ArgumentException($"{name} holds {length} values; {rows}×{cols} needs {(long)rows * cols}.");
    }
}
