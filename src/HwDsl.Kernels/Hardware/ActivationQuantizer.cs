using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// Uniform activation quantization a_q = step·clip(round(a/step), 0, 2^b − 1), step = range/(2^b − 1), in the three
/// forms of <see cref="WeightMapper"/> (hard, STE, relaxed) over the uniform table {0, step, …, range}. The cell is
/// j = min(⌊x⌋, 2^b − 2) for x = clip(a/step, 0, 2^b − 1), so no lookup table is needed; ties round up.
/// </summary>
public static unsafe class ActivationQuantizer
{
    private const int Chunk = 1 << 14;

    /// <summary>a_q = step·clip(round(a/step), 0, 2^b − 1).</summary>
    public static void Hard(ReadOnlySpan<float> a, int bits, float range, Span<float> y, MacPool? pool = null)
        => Map(a, bits, range, y, default, WeightMapper.Mode.Hard, 1, pool);

    /// <summary>Hard forward; derivative 1 for 0 ≤ a ≤ range, else 0.</summary>
    public static void Ste(ReadOnlySpan<float> a, int bits, float range, Span<float> y, Span<float> derivative, MacPool? pool = null)
        => Map(a, bits, range, y, derivative, WeightMapper.Mode.Ste, 1, pool);

    /// <summary>Relaxed forward step·(j + s_β(f)), f = x − j, and its derivative s'_β(f) (0 outside [0, range]).</summary>
    public static void Relaxed(ReadOnlySpan<float> a, int bits, float range, double beta, Span<float> y, Span<float> derivative, MacPool? pool = null)
    {
        RelaxedStep.Validate(beta);
        Map(a, bits, range, y, derivative, WeightMapper.Mode.Relaxed, beta, pool);
    }

    /// <summary>Throws unless 1 ≤ bits ≤ 16 and range is finite and &gt; 0.</summary>
    public static void Validate(int bits, double range)
    {
        if (bits is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(bits), $"activation bits must be in 1..16; got {bits}.");
        if (!(range > 0) || !double.IsFinite(range)) throw new ArgumentOutOfRangeException(nameof(range), $"activation range must be finite and > 0; got {range}.");
    }

    private static void Map(ReadOnlySpan<float> a, int bits, float range, Span<float> y, Span<float> derivative, WeightMapper.Mode mode, double beta, MacPool? pool)
    {
        Validate(bits, range);
        if (y.Length != a.Length) throw new ArgumentException($"output length {y.Length} differs from input length {a.Length}.");
        if (mode != WeightMapper.Mode.Hard && derivative.Length != a.Length)
            throw new ArgumentException($"derivative length {derivative.Length} differs from input length {a.Length}.");
        var steps = (1 << bits) - 1;
        var c = new RelaxedStep.Constants(beta);
        fixed (float* pa = a, py = y, pd = derivative)
        {
            var task = new Task(pa, py, pd, a.Length, range / steps, steps, mode, c);
            if (pool is null || pool.Threads == 1 || a.Length < WeightMapper.ParallelThreshold) task.Run(0, a.Length);
            else pool.Run((a.Length + Chunk - 1) / Chunk, task);
        }
    }

    private readonly struct Task(float* a, float* y, float* d, int n, float step, int steps, WeightMapper.Mode mode, RelaxedStep.Constants c) : IMacPoolTask
    {
        public void Execute(int index)
        {
            var start = index * Chunk;
            Run(start, Math.Min(Chunk, n - start));
        }

        public void Run(int start, int length)
        {
            var i = 0;
            if (Avx.IsSupported) i = Vector(start, length);
            for (; i < length; i++) Scalar(start + i);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Scalar(int i)
        {
            var x = a[i] / step;
            float top = steps;
            var xc = x > 0 ? x : 0;
            xc = xc < top ? xc : top;
            var j = MathF.Min(MathF.Floor(xc), top - 1);
            var f = xc - j;
            var inside = x >= 0 && x <= top;
            switch (mode)
            {
                case WeightMapper.Mode.Hard:
                    y[i] = (f >= 0.5f ? j + 1 : j) * step;
                    break;
                case WeightMapper.Mode.Ste:
                    y[i] = (f >= 0.5f ? j + 1 : j) * step;
                    d[i] = inside ? 1 : 0;
                    break;
                default:
                    var s = RelaxedStep.Value(f, c, out var ds);
                    y[i] = (c.Hard ? (f >= 0.5f ? j + 1 : j) : j + s) * step;
                    d[i] = inside ? ds : 0;
                    break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Vector(int start, int length)
        {
            var i = 0;
            var vstep = Vector256.Create(step);
            var zero = Vector256<float>.Zero;
            var top = Vector256.Create((float)steps);
            var lastCell = Vector256.Create((float)(steps - 1));
            var half = Vector256.Create(0.5f);
            var one = Vector256<float>.One;
            float* pa = a + start, py = y + start, pd = d + start;
            for (; i <= length - 8; i += 8)
            {
                var x = Avx.Divide(Avx.LoadVector256(pa + i), vstep);
                var xc = Avx.Min(Avx.Max(x, zero), top);
                var j = Avx.Min(Avx.Floor(xc), lastCell);
                var f = xc - j;
                var hard = j + (Avx.CompareGreaterThanOrEqual(f, half) & one);
                var inside = Avx.CompareGreaterThanOrEqual(x, zero) & Avx.CompareLessThanOrEqual(x, top);
                switch (mode)
                {
                    case WeightMapper.Mode.Hard:
                        Avx.Store(py + i, hard * vstep);
                        break;
                    case WeightMapper.Mode.Ste:
                        Avx.Store(py + i, hard * vstep);
                        Avx.Store(pd + i, inside & one);
                        break;
                    default:
                        var s = RelaxedStep.Value(f, c, out var ds);
                        Avx.Store(py + i, (c.Hard ? hard : j + s) * vstep);
                        Avx.Store(pd + i, inside & ds);
                        break;
                }
            }
            return i;
        }
    }
}
