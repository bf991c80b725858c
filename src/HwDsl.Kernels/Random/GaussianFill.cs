using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// Standard-normal draws in bulk (the per-MVM noise of the analog periphery): Marsaglia's polar method on eight
/// xoshiro128** lanes seeded from a <see cref="SeededRandom"/>. Each step draws eight candidate points (u, v), uniform in
/// the square (−1, 1)² on a half-step grid of 2⁻²³ (never the origin), keeps those inside the unit disc in lane order
/// (a left-pack by a permutation table on AVX2, a lane loop otherwise), and turns each kept point into the pair
/// z₁ = u·√(−2 ln s / s), z₂ = v·√(−2 ln s / s), s = u² + v², in the same step, with no trigonometry. The logarithm is
/// <see cref="Log(Vector256{float})"/>: Cephes' single-precision polynomial written once with explicit fused multiply-adds, so the vector
/// step and the lane loop round every operation alike and the sequence is fixed by the generator's state, whatever the
/// instruction set (a library logarithm is not: TensorPrimitives' vector and scalar forms differ in the last bit, which
/// made a machine without AVX2 draw different noise). Exact in distribution up to float rounding (tails to about 8σ).
/// </summary>
public static class GaussianFill
{
    private const float Grid = 1f / (1 << 23);
    private static readonly Vector256<int>[] LeftPack = BuildLeftPack();

    [ThreadStatic] private static float[]? t_u, t_v;

    /// <summary>Tests: take the lane-loop path even where AVX2 exists (its output must be identical).</summary>
    internal static bool ForceLaneLoop { get; set; }

    /// <summary>Fills <paramref name="destination"/> with independent standard-normal draws from <paramref name="random"/>
    /// (which advances by 16 draws: the seed of the eight lanes): z₁ of the i-th kept point at i, its z₂ at half + i.</summary>
    public static void Fill(SeededRandom random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        var n = destination.Length;
        if (n == 0) return;
        var half = (n + 1) / 2;
        // A step keeps up to 8 points past the last one needed.
        var u = Buffer(ref t_u, half + 8);
        var v = Buffer(ref t_v, half + 8);
        var lanes = new Lanes(random);
        if (Avx2.IsSupported && !ForceLaneLoop) lanes.FillVector(u, v, half);
        else lanes.FillLanes(u, v, half);
        u[..half].CopyTo(destination);
        v[..(n - half)].CopyTo(destination[half..]);
    }

    // Cephes logf (S. Moshier): x = m·2^e with m in [√½, √2), ln x = e·ln 2 + f − f²/2 + f³·P(f), f = m − 1; ln 2 split in
    // two parts. Every step is one correctly rounded operation (FMA where written), so Log(Vector256) and Log(float)
    // agree bit for bit lane by lane. For normal x in (0, 1], which is all the polar method asks of it.
    private const float LogP0 = 7.0376836292e-2f, LogP1 = -1.1514610310e-1f, LogP2 = 1.1676998740e-1f, LogP3 = -1.2420140846e-1f,
        LogP4 = 1.4249322787e-1f, LogP5 = -1.6668057665e-1f, LogP6 = 2.0000714765e-1f, LogP7 = -2.4999993993e-1f,
        LogP8 = 3.3333331174e-1f, Ln2Low = -2.12194440e-4f, Ln2High = 0.693359375f, SqrtHalf = 0.707106781186547524f;

    /// <summary>ln x for normal positive x, lane by lane as <see cref="Log(float)"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Log(Vector256<float> x)
    {
        var bits = x.AsInt32();
        var e = (bits >> 23) - Vector256.Create(126);
        var m = (bits & Vector256.Create(unchecked((int)0x807FFFFF))) | Vector256.Create(0x3F000000);   // m in [½, 1)
        var mf = m.AsSingle();
        var low = Vector256.LessThan(mf, Vector256.Create(SqrtHalf));
        e += low.AsInt32();                                     // −1 where m < √½
        var f = (mf + (mf & low)) - Vector256<float>.One;       // 2m − 1 or m − 1, both exact
        var ef = Vector256.ConvertToSingle(e);
        var z = f * f;
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(LogP0), f, Vector256.Create(LogP1));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP2));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP3));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP4));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP5));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP6));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP7));
        p = Vector256.FusedMultiplyAdd(p, f, Vector256.Create(LogP8));
        var y = f * (z * p);
        y = Vector256.FusedMultiplyAdd(Vector256.Create(Ln2Low), ef, y);
        y = Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f), z, y);
        return Vector256.FusedMultiplyAdd(Vector256.Create(Ln2High), ef, f + y);
    }

    /// <summary>ln x for normal positive x: the scalar form of <see cref="Log(Vector256{float})"/>, the same operations.</summary>
    internal static float Log(float x)
    {
        var bits = BitConverter.SingleToInt32Bits(x);
        var e = (bits >> 23) - 126;
        var mf = BitConverter.Int32BitsToSingle((bits & unchecked((int)0x807FFFFF)) | 0x3F000000);
        var low = mf < SqrtHalf;
        if (low) e -= 1;
        var f = (mf + (low ? mf : 0f)) - 1f;
        float ef = e;
        var z = f * f;
        var p = MathF.FusedMultiplyAdd(LogP0, f, LogP1);
        p = MathF.FusedMultiplyAdd(p, f, LogP2);
        p = MathF.FusedMultiplyAdd(p, f, LogP3);
        p = MathF.FusedMultiplyAdd(p, f, LogP4);
        p = MathF.FusedMultiplyAdd(p, f, LogP5);
        p = MathF.FusedMultiplyAdd(p, f, LogP6);
        p = MathF.FusedMultiplyAdd(p, f, LogP7);
        p = MathF.FusedMultiplyAdd(p, f, LogP8);
        var y = f * (z * p);
        y = MathF.FusedMultiplyAdd(Ln2Low, ef, y);
        y = MathF.FusedMultiplyAdd(-0.5f, z, y);
        return MathF.FusedMultiplyAdd(Ln2High, ef, f + y);
    }

    /// <summary>Rows of one chunk of <see cref="AddScaled"/>: each chunk draws from its own generator, so the draws do not
    /// depend on how many threads share the rows.</summary>
    public const int ChunkRows = 64;

    [ThreadStatic] private static float[]? t_eps;

    /// <summary>
    /// row_i += σ_i·ε_i for <paramref name="rows"/> rows of <paramref name="columns"/> values, row i at
    /// <paramref name="data"/>[i·<paramref name="stride"/>], ε standard normal: rows [64c, 64c + 64) draw from
    /// <paramref name="chunkRandom"/>(c), split over <paramref name="pool"/> (null: this thread).
    /// </summary>
    public static unsafe void AddScaled(Span<float> data, int rows, int stride, int columns, ReadOnlySpan<float> sigma,
        Func<int, SeededRandom> chunkRandom, MacPool? pool)
    {
        ArgumentNullException.ThrowIfNull(chunkRandom);
        if (rows == 0 || columns == 0) return;
        if (rows < 0 || columns < 0 || stride < columns || sigma.Length < rows || data.Length < (long)(rows - 1) * stride + columns)
            throw new ArgumentException($"noise rows: {rows} rows of {columns} at stride {stride} need {(long)(rows - 1) * stride + columns} values and {rows} σ; got {data.Length} and {sigma.Length}.");
        fixed (float* d = data)
        fixed (float* g = sigma)
        {
            var task = new AddTask(d, g, rows, stride, columns, chunkRandom);
            var chunks = (rows + ChunkRows - 1) / ChunkRows;
            if (pool is null || chunks == 1)
                for (var c = 0; c < chunks; c++) task.Execute(c);
            else
                pool.Run(chunks, task);
        }
    }

    private readonly unsafe struct AddTask(float* data, float* sigma, int rows, int stride, int columns, Func<int, SeededRandom> chunkRandom) : IMacPoolTask
    {
        public void Execute(int index)
        {
            var r0 = index * ChunkRows;
            var count = Math.Min(ChunkRows, rows - r0);
            var eps = Buffer(ref t_eps, count * columns);
            Fill(chunkRandom(index), eps);
            for (var i = 0; i < count; i++)
            {
                var row = new Span<float>(data + (long)(r0 + i) * stride, columns);
                TensorPrimitives.MultiplyAdd(eps.Slice(i * columns, columns), sigma[r0 + i], row, row);
            }
        }
    }

    private static Span<float> Buffer(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new float[Math.Max(length, 1024)];
        return buffer.AsSpan(0, length);
    }

    // For each 8-bit acceptance mask, the indices of its set lanes in order (then zeros): a left-pack permutation.
    private static Vector256<int>[] BuildLeftPack()
    {
        var table = new Vector256<int>[256];
        Span<int> lanes = stackalloc int[8];
        for (var mask = 0; mask < 256; mask++)
        {
            lanes.Clear();
            var k = 0;
            for (var lane = 0; lane < 8; lane++)
                if ((mask >> lane & 1) != 0) lanes[k++] = lane;
            table[mask] = Vector256.Create<int>(lanes);
        }
        return table;
    }

    /// <summary>Eight xoshiro128** generators, one per lane; the scalar lane loop and the vector step advance them alike.</summary>
    private readonly struct Lanes
    {
        private readonly Vector256<uint> _s0, _s1, _s2, _s3;

        internal Lanes(SeededRandom random)
        {
            Span<uint> words = stackalloc uint[32];
            for (var i = 0; i < 32; i += 2)
            {
                var bits = random.NextUInt64();
                (words[i], words[i + 1]) = ((uint)bits, (uint)(bits >> 32));
            }
            for (var lane = 0; lane < 8; lane++)   // xoshiro's one forbidden state: all four words zero
                if ((words[lane] | words[8 + lane] | words[16 + lane] | words[24 + lane]) == 0) words[lane] = 1;
            _s0 = Vector256.Create<uint>(words[..8]);
            _s1 = Vector256.Create<uint>(words[8..16]);
            _s2 = Vector256.Create<uint>(words[16..24]);
            _s3 = Vector256.Create<uint>(words[24..]);
        }

        // The state is passed in locals, not kept in fields: through fields every step went through memory.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<uint> Next(ref Vector256<uint> s0, ref Vector256<uint> s1, ref Vector256<uint> s2, ref Vector256<uint> s3)
        {
            var result = Rotate(s1 * 5u, 7) * 9u;
            var t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Rotate(s3, 11);
            return result;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<uint> Rotate(Vector256<uint> x, int k) => (x << k) | (x >>> (32 - k));

        // The top 24 bits as a half-integer in (−2²³, 2²³), times 2⁻²³: exact in float, never 0.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Coordinate(Vector256<uint> bits) =>
            (Vector256.ConvertToSingle((bits >>> 8).AsInt32() - Vector256.Create(1 << 23)) + Vector256.Create(0.5f)) * Vector256.Create(Grid);

        /// <summary>z₁ of the first <paramref name="half"/> kept points into u, z₂ into v (both half + 8 long).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void FillVector(Span<float> u, Span<float> v, int half)
        {
            var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
            ref var ru = ref MemoryMarshal.GetReference(u);
            ref var rv = ref MemoryMarshal.GetReference(v);
            ref var pack = ref MemoryMarshal.GetArrayDataReference(LeftPack);
            for (var k = 0; k < half;)
            {
                var x = Coordinate(Next(ref s0, ref s1, ref s2, ref s3));
                var y = Coordinate(Next(ref s0, ref s1, ref s2, ref s3));
                var r = x * x + y * y;
                var mask = (int)Vector256.LessThan(r, Vector256<float>.One).ExtractMostSignificantBits();
                var order = Unsafe.Add(ref pack, mask);
                var pr = Avx2.PermuteVar8x32(r, order);
                // Lanes past the kept ones repeat lane 0's candidate (possibly outside the disc: a NaN factor); the next
                // step overwrites them, and the buffers hold 8 floats of slack for the last.
                var factor = Vector256.Sqrt(Log(pr) * Vector256.Create(-2f) / pr);
                (Avx2.PermuteVar8x32(x, order) * factor).StoreUnsafe(ref ru, (nuint)k);
                (Avx2.PermuteVar8x32(y, order) * factor).StoreUnsafe(ref rv, (nuint)k);
                k += BitOperations.PopCount((uint)mask);
            }
        }

        /// <summary><see cref="FillVector"/> one lane at a time: the same values.</summary>
        internal void FillLanes(Span<float> u, Span<float> v, int half)
        {
            var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
            for (var k = 0; k < half;)
            {
                var xs = Next(ref s0, ref s1, ref s2, ref s3);
                var ys = Next(ref s0, ref s1, ref s2, ref s3);
                for (var lane = 0; lane < 8; lane++)
                {
                    var x = ((int)(xs[lane] >> 8) - (1 << 23) + 0.5f) * Grid;
                    var y = ((int)(ys[lane] >> 8) - (1 << 23) + 0.5f) * Grid;
                    var r = x * x + y * y;
                    if (r >= 1f) continue;
                    var factor = MathF.Sqrt(Log(r) * -2f / r);
                    (u[k], v[k]) = (x * factor, y * factor);
                    k++;
                }
            }
        }
    }
}
