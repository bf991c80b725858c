using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// The fused training-time mapping of a hardware layer: weights → (relaxed or rounded) intended level on the even grid
/// of a <see cref="DeviceResponse"/> → the device's effective weight, value and derivative in one pass. Equal to
/// <see cref="WeightMapper"/> on the response's grid followed by <see cref="DeviceResponse.Apply"/>, but O(1) arithmetic
/// per weight (the grid is even, so the cell is an FMA and a floor away; the step is <see cref="RelaxedStep"/>'s rational tanh).
/// <list type="bullet">
/// <item>Relaxed: t = (x − p₀)/Δp clipped to [0, M−1], cell j, f = t − j; y = w_max·(q_j + (q_j+1 − q_j)·s_β(f)),
/// dy/dw = (q_j+1 − q_j)/Δp · s'_β(f) inside the grid, 0 outside (s_β as in <see cref="RelaxedStep"/>).</item>
/// <item>Ste: y = w_max·q_round(t); dy/dw = (q_j+1 − q_j)/Δp inside (straight through the rounding, then the device's slope).</item>
/// </list>
/// </summary>
public static unsafe class UniformDeviceMapper
{
    private const int Chunk = 16384;

    /// <summary>Relaxed mapping with sharpness <paramref name="beta"/> (as <see cref="RelaxedStep"/>).</summary>
    public static void Relaxed(DeviceResponse response, ReadOnlySpan<float> w, float wMax, double beta, Span<float> y, Span<float> derivative, MacPool? pool = null)
    {
        RelaxedStep.Validate(beta);
        Map(response, w, wMax, y, derivative, beta, pool);
    }

    /// <summary>Hard rounding to the nearest intended level with the straight-through derivative.</summary>
    public static void Ste(DeviceResponse response, ReadOnlySpan<float> w, float wMax, Span<float> y, Span<float> derivative, MacPool? pool = null)
        => Map(response, w, wMax, y, derivative, double.NaN, pool);

    private static void Map(DeviceResponse response, ReadOnlySpan<float> w, float wMax, Span<float> y, Span<float> d, double beta, MacPool? pool)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!(wMax > 0) || !float.IsFinite(wMax)) throw new ArgumentOutOfRangeException(nameof(wMax), $"w_max must be finite and > 0; got {wMax}.");
        if (y.Length != w.Length || d.Length != w.Length)
            throw new ArgumentException($"span lengths differ: input {w.Length}, output {y.Length}, derivative {d.Length}.");
        var relaxed = !double.IsNaN(beta);
        var c = new RelaxedStep.Constants(relaxed ? beta : 1);
        fixed (float* pw = w, py = y, pd = d, pq = response.Levels)
        {
            var task = new Task(pw, py, pd, pq, w.Length, response.Count, response.First, response.Step, wMax, relaxed, c);
            var chunks = (w.Length + Chunk - 1) / Chunk;
            if (pool is null || pool.Threads == 1 || chunks == 1) task.Run(0, w.Length);
            else pool.Run(chunks, task);
        }
    }

    private readonly struct Task(float* w, float* y, float* d, float* q, int n, int count, float first, float step, float wMax,
        bool relaxed, RelaxedStep.Constants c) : IMacPoolTask
    {
        public void Execute(int index) => Run(index * Chunk, Math.Min(Chunk, n - index * Chunk));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int start, int length)
        {
            var i = 0;
            var invStep = 1f / step;
            var last = count - 1;
            if (Avx2.IsSupported && Fma.IsSupported)
            {
                var vScale = Vector256.Create(invStep / wMax);
                var vOffset = Vector256.Create(-first * invStep);
                var vLast = Vector256.Create((float)last);
                var vLastCell = Vector256.Create(last - 1);
                var vInv = Vector256.Create(invStep);
                var vW = Vector256.Create(wMax);
                var vHalf = Vector256.Create(0.5f);
                for (; i <= length - 8; i += 8)
                {
                    var t = Fma.MultiplyAdd(Avx.LoadVector256(w + start + i), vScale, vOffset);
                    var inside = Avx.CompareGreaterThanOrEqual(t, Vector256<float>.Zero) & Avx.CompareLessThanOrEqual(t, vLast);
                    var tc = Avx.Min(Avx.Max(t, Vector256<float>.Zero), vLast);
                    var j = Avx2.Min(Avx.ConvertToVector256Int32WithTruncation(tc), vLastCell);
                    var f = tc - Avx.ConvertToVector256Single(j);
                    Vector256<float> value, slope;
                    if (relaxed)
                    {
                        var (qj, qj1) = Pairs(q, j);
                        var rise = qj1 - qj;
                        var sv = RelaxedStep.Value(f, c, out var ds);
                        value = Fma.MultiplyAdd(rise, sv, qj);
                        slope = rise * vInv * ds;
                    }
                    else
                    {
                        // Round, then take the slope of the cell that starts at the rounded level (the last cell at the top).
                        var k = j - Avx.CompareGreaterThanOrEqual(f, vHalf).AsInt32();   // the mask is -1 where rounding goes up
                        var kc = Avx2.Min(k, vLastCell);
                        var (qa, qb) = Pairs(q, kc);
                        value = Avx.BlendVariable(qa, qb, Avx2.CompareGreaterThan(k, kc).AsSingle());
                        slope = (qb - qa) * vInv;
                    }
                    Avx.Store(y + start + i, value * vW);
                    Avx.Store(d + start + i, slope & inside);
                }
            }
            for (; i < length; i++)
            {
                var t = (w[start + i] / wMax - first) * invStep;
                var inside = t >= 0 && t <= last;
                var tc = Math.Clamp(t, 0f, last);
                var j = Math.Min((int)tc, last - 1);
                var f = tc - j;
                float value, slope;
                if (relaxed)
                {
                    var rise = q[j + 1] - q[j];
                    var sv = RelaxedStep.Value(f, c, out var ds);
                    value = q[j] + rise * sv;
                    slope = rise * invStep * ds;
                }
                else
                {
                    var k = f >= 0.5f ? j + 1 : j;
                    var kc = Math.Min(k, last - 1);
                    value = q[k];
                    slope = (q[kc + 1] - q[kc]) * invStep;
                }
                y[start + i] = value * wMax;
                d[start + i] = inside ? slope : 0;
            }
        }

        // (q[j], q[j+1]) for eight cells by eight 64-bit loads, deinterleaved in registers: gathers are slower on Zen 3.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector256<float> Low, Vector256<float> High) Pairs(float* q, Vector256<int> j)
        {
            var a = Vector256.Create(*(long*)(q + j.GetElement(0)), *(long*)(q + j.GetElement(1)), *(long*)(q + j.GetElement(2)), *(long*)(q + j.GetElement(3))).AsSingle();
            var b = Vector256.Create(*(long*)(q + j.GetElement(4)), *(long*)(q + j.GetElement(5)), *(long*)(q + j.GetElement(6)), *(long*)(q + j.GetElement(7))).AsSingle();
            // [q0 q1 q4 q5 | q2 q3 q6 q7] (and the same for q+1), then 64-bit lanes back in order.
            var low = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
            var high = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
            return (low, high);
        }
    }
}
