using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// Maps weights onto a <see cref="LevelTable"/> of achievable values (units of w_max), x = w·(1/w_max) in float:
/// <list type="bullet">
/// <item><b>Hard</b>: y = w_max·q_nearest(x), decided as 2(x − q_j) ≥ q_(j+1) − q_j (ties to the upper level) —
/// deployment and the STE forward.</item>
/// <item><b>STE</b>: the hard forward; dy/dw = 1 for q_0 ≤ x ≤ q_(M−1), else 0.</item>
/// <item><b>Relaxed</b>: x clipped to [q_0, q_(M−1)]; in the cell q_j ≤ x &lt; q_(j+1), f = (x − q_j)/(q_(j+1) − q_j),
/// y = w_max·(q_j + (q_(j+1) − q_j)·s_β(f)), dy/dw = s'_β(f) (0 outside the range); see <see cref="RelaxedStep"/>.</item>
/// </list>
/// O(1) per weight (grid lookup, see <see cref="LevelTable"/>); AVX2 gathers where available, a scalar loop otherwise.
/// Spans of at least <see cref="ParallelThreshold"/> weights are split over the pool.
/// </summary>
public static unsafe class WeightMapper
{
    /// <summary>Spans this long or longer run on the pool's threads.</summary>
    public const int ParallelThreshold = 1 << 16;

    private const int Chunk = 1 << 14;

    internal enum Mode { Hard, Ste, Relaxed }

    /// <summary>y = w_max·nearest level of w/w_max.</summary>
    public static void Hard(LevelTable table, ReadOnlySpan<float> w, float wMax, Span<float> y, MacPool? pool = null)
        => Map(table, w, wMax, y, default, Mode.Hard, 1, pool);

    /// <summary>Hard forward and the straight-through derivative (1 inside the table's range, else 0).</summary>
    public static void Ste(LevelTable table, ReadOnlySpan<float> w, float wMax, Span<float> y, Span<float> derivative, MacPool? pool = null)
        => Map(table, w, wMax, y, derivative, Mode.Ste, 1, pool);

    /// <summary>The relaxed (sum-of-sigmoids) forward and its derivative dy/dw, in one pass.</summary>
    public static void Relaxed(LevelTable table, ReadOnlySpan<float> w, float wMax, double beta, Span<float> y, Span<float> derivative, MacPool? pool = null)
    {
        RelaxedStep.Validate(beta);
        Map(table, w, wMax, y, derivative, Mode.Relaxed, beta, pool);
    }

    private static void Map(LevelTable table, ReadOnlySpan<float> w, float wMax, Span<float> y, Span<float> derivative, Mode mode, double beta, MacPool? pool)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(wMax > 0) || !float.IsFinite(wMax)) throw new ArgumentOutOfRangeException(nameof(wMax), $"w_max must be finite and > 0; got {wMax}.");
        if (y.Length != w.Length) throw new ArgumentException($"output length {y.Length} differs from input length {w.Length}.");
        if (mode != Mode.Hard && derivative.Length != w.Length)
            throw new ArgumentException($"derivative length {derivative.Length} differs from input length {w.Length}.");
        var c = new RelaxedStep.Constants(beta);
        fixed (float* pw = w, py = y, pd = derivative)
        {
            var task = new Task(table, pw, py, pd, w.Length, wMax, 1f / wMax, mode, c);
            if (pool is null || pool.Threads == 1 || w.Length < ParallelThreshold) task.Run(0, w.Length);
            else pool.Run((w.Length + Chunk - 1) / Chunk, task);
        }
    }

    private readonly struct Task(LevelTable table, float* w, float* y, float* d, int n, float wMax, float inverse, Mode mode, RelaxedStep.Constants c) : IMacPoolTask
    {
        public void Execute(int index)
        {
            var start = index * Chunk;
            Run(start, Math.Min(Chunk, n - start));
        }

        public void Run(int start, int length)
        {
            var i = 0;
            if (Avx2.IsSupported) i = Vector(start, length);
            for (; i < length; i++) Scalar(start + i);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Scalar(int i)
        {
            var x = w[i] * inverse;
            var xc = table.Clip(x);
            float qj, qj1;
            if (table.CellData is { } cells)
            {
                var k = 4 * table.GridCell(xc);
                var next = xc >= cells[k + 3];
                qj = next ? cells[k + 1] : cells[k];
                qj1 = next ? cells[k + 2] : cells[k + 1];
            }
            else
            {
                var q = table.Padded;
                var j = table.Grid[table.GridCell(xc)];
                while (q[j + 1] <= xc) j++;
                j = Math.Min(j, table.Count - 2);
                qj = q[j];
                qj1 = q[j + 1];
            }
            var offset = xc - qj;
            var up = offset + offset >= qj1 - qj;
            var f = offset / (qj1 - qj);
            var inside = x >= table.Min && x <= table.Max;
            switch (mode)
            {
                case Mode.Hard:
                    y[i] = (up ? qj1 : qj) * wMax;
                    break;
                case Mode.Ste:
                    y[i] = (up ? qj1 : qj) * wMax;
                    d[i] = inside ? 1 : 0;
                    break;
                default:
                    var s = RelaxedStep.Value(f, c, out var ds);
                    y[i] = (c.Hard ? (up ? qj1 : qj) : qj + (qj1 - qj) * s) * wMax;
                    d[i] = inside ? ds : 0;
                    break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Vector(int start, int length)
        {
            var i = 0;
            fixed (float* q = table.Padded)
            fixed (int* grid = table.Grid)
            fixed (float* cells = table.CellData)
            {
                var lo = Vector256.Create(table.Min);
                var hi = Vector256.Create(table.Max);
                var vw = Vector256.Create(wMax);
                var vinv = Vector256.Create(inverse);
                var scale = Vector256.Create(table.GridScale);
                var lastCell = Vector256.Create(table.GridCells - 1);
                var lastCellStart = Vector256.Create(table.Count - 2);
                var maxScan = table.MaxScan;
                float* pw = w + start, py = y + start, pd = d + start;
                for (; i <= length - 8; i += 8)
                {
                    var x = Avx.Multiply(Avx.LoadVector256(pw + i), vinv);
                    var xc = Avx.Min(Avx.Max(x, lo), hi);
                    var cell = Avx2.Min(Avx.ConvertToVector256Int32WithTruncation(Avx.Multiply(Avx.Subtract(xc, lo), scale)), lastCell);
                    Vector256<float> qj, qj1;
                    if (cells != null)
                    {
                        // Eight 16-byte cell records (q_j0, q_j0+1, q_j0+2, threshold) by plain loads, transposed: cheaper than
                        // three 8-lane gathers on Zen 3.
                        var offsets = Avx2.ShiftLeftLogical(cell, 2);
                        var lower = offsets.GetLower();
                        var upper = offsets.GetUpper();
                        var v0 = Vector256.Create(Sse.LoadVector128(cells + lower.ToScalar()), Sse.LoadVector128(cells + upper.ToScalar()));
                        var v1 = Vector256.Create(Sse.LoadVector128(cells + Sse41.Extract(lower, 1)), Sse.LoadVector128(cells + Sse41.Extract(upper, 1)));
                        var v2 = Vector256.Create(Sse.LoadVector128(cells + Sse41.Extract(lower, 2)), Sse.LoadVector128(cells + Sse41.Extract(upper, 2)));
                        var v3 = Vector256.Create(Sse.LoadVector128(cells + Sse41.Extract(lower, 3)), Sse.LoadVector128(cells + Sse41.Extract(upper, 3)));
                        var t0 = Avx.UnpackLow(v0, v1);
                        var t1 = Avx.UnpackHigh(v0, v1);
                        var t2 = Avx.UnpackLow(v2, v3);
                        var t3 = Avx.UnpackHigh(v2, v3);
                        var a = Avx.Shuffle(t0, t2, 0x44);
                        var b = Avx.Shuffle(t0, t2, 0xEE);
                        var c3 = Avx.Shuffle(t1, t3, 0x44);
                        var threshold = Avx.Shuffle(t1, t3, 0xEE);
                        var next = Avx.CompareGreaterThanOrEqual(xc, threshold);
                        qj = Avx.BlendVariable(a, b, next);
                        qj1 = Avx.BlendVariable(b, c3, next);
                    }
                    else
                    {
                        var j = Avx2.GatherVector256(grid, cell, 4);
                        for (var s = 0; s < maxScan; s++)
                        {
                            var advance = Avx.CompareLessThanOrEqual(Avx2.GatherVector256(q + 1, j, 4), xc).AsInt32();
                            if (Avx.TestZ(advance, advance)) break;
                            j = Avx2.Subtract(j, advance);
                        }
                        j = Avx2.Min(j, lastCellStart);
                        qj = Avx2.GatherVector256(q, j, 4);
                        qj1 = Avx2.GatherVector256(q + 1, j, 4);
                    }
                    Finish(x, xc, qj, qj1, lo, hi, vw, py + i, pd + i);
                }
            }
            return i;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Finish(Vector256<float> x, Vector256<float> xc, Vector256<float> qj, Vector256<float> qj1,
            Vector256<float> lo, Vector256<float> hi, Vector256<float> vw, float* py, float* pd)
        {
            var width = qj1 - qj;
            var offset = xc - qj;
            var up = Avx.CompareGreaterThanOrEqual(offset + offset, width);
            switch (mode)
            {
                case Mode.Hard:
                    Avx.Store(py, Avx.BlendVariable(qj, qj1, up) * vw);
                    break;
                case Mode.Ste:
                    Avx.Store(py, Avx.BlendVariable(qj, qj1, up) * vw);
                    Avx.Store(pd, Inside(x, lo, hi) & Vector256<float>.One);
                    break;
                default:
                    // f = offset/width by the reciprocal estimate and a Newton step (~23 bits): the divider is the
                    // bottleneck otherwise.
                    var r0 = Avx.Reciprocal(width);
                    var rw = r0 * (Vector256.Create(2f) - width * r0);
                    var f = Avx.Min(offset * rw, Vector256<float>.One);
                    var sv = RelaxedStep.Value(f, c, out var ds);
                    var yv = c.Hard ? Avx.BlendVariable(qj, qj1, up) : qj + width * sv;
                    Avx.Store(py, yv * vw);
                    Avx.Store(pd, Inside(x, lo, hi) & ds);
                    break;
            }
        }

        private static Vector256<float> Inside(Vector256<float> x, Vector256<float> lo, Vector256<float> hi)
            => Avx.CompareGreaterThanOrEqual(x, lo) & Avx.CompareLessThanOrEqual(x, hi);
    }
}
