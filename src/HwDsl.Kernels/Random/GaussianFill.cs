using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HwDsl.Kernels;

/// <summary>
/// Standard-normal draws in bulk (the per-MVM noise of the analog periphery): the Box–Muller transform on sixteen
/// xoshiro128** lanes seeded from a <see cref="SeededRandom"/>, with no rejection and no table. Each step takes two words
/// per lane: u from the top 31 bits of the first, (0, 1] on a grid of 2⁻³¹ (never 0), gives the radius
/// ρ = √(−2 ln u); the second gives a uniform direction as an octant (its top three bits: swap the coordinates, negate x,
/// negate y) and an angle φ in [0, π/4) (its low 24 bits), so (cos φ, sin φ) by one short polynomial each, with no range
/// reduction. The pair (ρ·x, ρ·y) is two independent standard normals; a step writes the sixteen first coordinates, then
/// the sixteen second ones. The logarithm and both polynomials are Cephes' single-precision ones written with explicit
/// fused multiply-adds, every operation correctly rounded, so the Vector512 step, the Vector256 step (the two halves of
/// the lanes, one after the other) and the lane loop give the same bits and the sequence is fixed by the generator's
/// state, whatever the instruction set (a library logarithm is not: TensorPrimitives' vector and scalar forms differ in
/// the last bit). Exact in distribution up to float rounding, with tails to 6.66σ (u ≥ 2⁻³²; the mass beyond is 3·10⁻¹¹).
/// The Vector512 step is written beside the Vector256 one, not shared through a generic: .NET 10 keeps ISimdVector
/// internal. Measured on Zen 4 (1 thread, 16,384 draws per call): 0.56–0.63 ns per draw with Vector512, 0.83–0.96 with
/// Vector256 (the polar method before: 2.05).
/// </summary>
public static class GaussianFill
{
    /// <summary>Values one step writes: sixteen first coordinates, then sixteen second ones.</summary>
    private const int Step = 32;

    /// <summary>Tests: take the lane-loop path even where a vector step is accelerated (its output must be identical).</summary>
    internal static bool ForceLaneLoop { get; set; }

    /// <summary>Tests: take the Vector256 step even where Vector512 is accelerated (its output must be identical).</summary>
    internal static bool ForceVector256 { get; set; }

    private static bool Use512 => Vector512.IsHardwareAccelerated && !ForceVector256 && !ForceLaneLoop;

    private static bool Use256 => Vector256.IsHardwareAccelerated && !ForceLaneLoop;

    /// <summary>Fills <paramref name="destination"/> with independent standard-normal draws from <paramref name="random"/>
    /// (which advances by 32 draws: the seed of the sixteen lanes).</summary>
    public static void Fill(SeededRandom random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (destination.IsEmpty) return;
        var lanes = new Lanes(random);
        if (Use512) lanes.Fill512(destination);
        else if (Use256) lanes.Fill256(destination);
        else lanes.FillLanes(destination);
    }

    // Cephes logf (S. Moshier): x = m·2^e with m in [√½, √2), ln x = e·ln 2 + f − f²/2 + f³·P(f), f = m − 1; ln 2 split in
    // two parts. Every step is one correctly rounded operation (FMA where written), so Log(Vector256) and Log(float)
    // agree bit for bit lane by lane (P by Estrin's scheme in both). For normal x in (0, 1], which is all the Box–Muller radius asks of it.
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
        // P(f) by Estrin's scheme: four levels of multiply-adds instead of Horner's eight (the chain bounds the step).
        var ab = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(LogP0), f, Vector256.Create(LogP1)), z,
            Vector256.FusedMultiplyAdd(Vector256.Create(LogP2), f, Vector256.Create(LogP3)));
        var cd = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(LogP4), f, Vector256.Create(LogP5)), z,
            Vector256.FusedMultiplyAdd(Vector256.Create(LogP6), f, Vector256.Create(LogP7)));
        var p = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(ab, z * z, cd), f, Vector256.Create(LogP8));
        var y = f * (z * p);
        y = Vector256.FusedMultiplyAdd(Vector256.Create(Ln2Low), ef, y);
        y = Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f), z, y);
        return Vector256.FusedMultiplyAdd(Vector256.Create(Ln2High), ef, f + y);
    }

    /// <summary>ln x for normal positive x, sixteen lanes: <see cref="Log(Vector256{float})"/> on twice the lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Log(Vector512<float> x)
    {
        var bits = x.AsInt32();
        var e = (bits >> 23) - Vector512.Create(126);
        var m = (bits & Vector512.Create(unchecked((int)0x807FFFFF))) | Vector512.Create(0x3F000000);   // m in [½, 1)
        var mf = m.AsSingle();
        var low = Vector512.LessThan(mf, Vector512.Create(SqrtHalf));
        e += low.AsInt32();                                     // −1 where m < √½
        var f = (mf + (mf & low)) - Vector512<float>.One;       // 2m − 1 or m − 1, both exact
        var ef = Vector512.ConvertToSingle(e);
        var z = f * f;
        // P(f) by Estrin's scheme: four levels of multiply-adds instead of Horner's eight (the chain bounds the step).
        var ab = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(LogP0), f, Vector512.Create(LogP1)), z,
            Vector512.FusedMultiplyAdd(Vector512.Create(LogP2), f, Vector512.Create(LogP3)));
        var cd = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(LogP4), f, Vector512.Create(LogP5)), z,
            Vector512.FusedMultiplyAdd(Vector512.Create(LogP6), f, Vector512.Create(LogP7)));
        var p = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(ab, z * z, cd), f, Vector512.Create(LogP8));
        var y = f * (z * p);
        y = Vector512.FusedMultiplyAdd(Vector512.Create(Ln2Low), ef, y);
        y = Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), z, y);
        return Vector512.FusedMultiplyAdd(Vector512.Create(Ln2High), ef, f + y);
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
        var ab = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(LogP0, f, LogP1), z, MathF.FusedMultiplyAdd(LogP2, f, LogP3));
        var cd = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(LogP4, f, LogP5), z, MathF.FusedMultiplyAdd(LogP6, f, LogP7));
        var p = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(ab, z * z, cd), f, LogP8);
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
            if (columns % Step == 0 && (Use512 || Use256))
            {
                // Every step lies inside one row: add it there, with no buffer (the values of Fill, added as below).
                var lanes = new Lanes(chunkRandom(index));
                if (Use512) lanes.Add512(data + (long)r0 * stride, stride, count, columns, sigma + r0);
                else lanes.Add256(data + (long)r0 * stride, stride, count, columns, sigma + r0);
                return;
            }
            var eps = Buffer(ref t_eps, count * columns);
            Fill(chunkRandom(index), eps);
            for (var i = 0; i < count; i++)
            {
                var row = new Span<float>(data + (long)(r0 + i) * stride, columns);
                TensorPrimitives.MultiplyAdd(eps.Slice(i * columns, columns), sigma[r0 + i], row, row);   // (ε·σ) + row, not fused
            }
        }
    }

    private static Span<float> Buffer(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new float[Math.Max(length, 1024)];
        return buffer.AsSpan(0, length);
    }

    /// <summary>Sixteen xoshiro128** generators, one per lane, kept as two halves of eight; every path advances them alike.</summary>
    private readonly struct Lanes
    {
        private readonly Vector256<uint> _lo0, _lo1, _lo2, _lo3, _hi0, _hi1, _hi2, _hi3;

        internal Lanes(SeededRandom random)
        {
            // Word w of lane l at words[16·w + l].
            Span<uint> words = stackalloc uint[64];
            for (var i = 0; i < 64; i += 2)
            {
                var bits = random.NextUInt64();
                (words[i], words[i + 1]) = ((uint)bits, (uint)(bits >> 32));
            }
            for (var lane = 0; lane < 16; lane++)   // xoshiro's one forbidden state: all four words zero
                if ((words[lane] | words[16 + lane] | words[32 + lane] | words[48 + lane]) == 0) words[lane] = 1;
            (_lo0, _hi0) = (Vector256.Create<uint>(words[..8]), Vector256.Create<uint>(words[8..16]));
            (_lo1, _hi1) = (Vector256.Create<uint>(words[16..24]), Vector256.Create<uint>(words[24..32]));
            (_lo2, _hi2) = (Vector256.Create<uint>(words[32..40]), Vector256.Create<uint>(words[40..48]));
            (_lo3, _hi3) = (Vector256.Create<uint>(words[48..56]), Vector256.Create<uint>(words[56..]));
        }

        /// <summary>All sixteen lanes a step at a time (the last one through a buffer when fewer than 32 values remain).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Fill512(Span<float> destination)
        {
            var (s0, s1, s2, s3) = (Vector512.Create(_lo0, _hi0), Vector512.Create(_lo1, _hi1), Vector512.Create(_lo2, _hi2), Vector512.Create(_lo3, _hi3));
            ref var d = ref MemoryMarshal.GetReference(destination);
            var n = destination.Length;
            var k = 0;
            for (; k + Step <= n; k += Step)
            {
                var (x, y) = Pair(Next(ref s0, ref s1, ref s2, ref s3), Next(ref s0, ref s1, ref s2, ref s3));
                x.StoreUnsafe(ref d, (nuint)k);
                y.StoreUnsafe(ref d, (nuint)(k + 16));
            }
            if (k == n) return;
            Span<float> last = stackalloc float[Step];
            var (lx, ly) = Pair(Next(ref s0, ref s1, ref s2, ref s3), Next(ref s0, ref s1, ref s2, ref s3));
            lx.CopyTo(last);
            ly.CopyTo(last[16..]);
            last[..(n - k)].CopyTo(destination[k..]);
        }

        /// <summary><see cref="Fill512"/> with eight lanes at a time: the low half's values of every step, then the high
        /// half's (one half's state and temporaries fit the sixteen AVX2 registers; both at once spilled).</summary>
        internal void Fill256(Span<float> destination)
        {
            Half256(destination, _lo0, _lo1, _lo2, _lo3, 0);
            Half256(destination, _hi0, _hi1, _hi2, _hi3, 8);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Half256(Span<float> destination, Vector256<uint> s0, Vector256<uint> s1, Vector256<uint> s2, Vector256<uint> s3, int offset)
        {
            ref var d = ref MemoryMarshal.GetReference(destination);
            var n = destination.Length;
            var k = 0;
            for (; k + Step <= n; k += Step)
            {
                var (x, y) = Pair(Next(ref s0, ref s1, ref s2, ref s3), Next(ref s0, ref s1, ref s2, ref s3));
                x.StoreUnsafe(ref d, (nuint)(k + offset));
                y.StoreUnsafe(ref d, (nuint)(k + 16 + offset));
            }
            if (k == n) return;
            var (lx, ly) = Pair(Next(ref s0, ref s1, ref s2, ref s3), Next(ref s0, ref s1, ref s2, ref s3));
            for (var lane = 0; lane < 8; lane++)
            {
                if (k + offset + lane < n) destination[k + offset + lane] = lx[lane];
                if (k + 16 + offset + lane < n) destination[k + 16 + offset + lane] = ly[lane];
            }
        }

        /// <summary>row_i += σ_i·ε for <paramref name="rows"/> rows of <paramref name="columns"/> (a multiple of 32) values
        /// at <paramref name="stride"/>: ε the values <see cref="Fill512"/> gives, row after row, each product rounded
        /// before the sum as TensorPrimitives.MultiplyAdd rounds it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal unsafe void Add512(float* data, int stride, int rows, int columns, float* sigma)
        {
            var (s0, s1, s2, s3) = (Vector512.Create(_lo0, _hi0), Vector512.Create(_lo1, _hi1), Vector512.Create(_lo2, _hi2), Vector512.Create(_lo3, _hi3));
            for (var i = 0; i < rows; i++)
            {
                var row = data + (long)i * stride;
                var scale = Vector512.Create(sigma[i]);
                for (var j = 0; j < columns; j += Step)
                {
                    var (x, y) = Pair(Next(ref s0, ref s1, ref s2, ref s3), Next(ref s0, ref s1, ref s2, ref s3));
                    Vector512.Store(x * scale + Vector512.Load(row + j), row + j);
                    Vector512.Store(y * scale + Vector512.Load(row + j + 16), row + j + 16);
                }
            }
        }

        /// <summary><see cref="Add512"/> with eight lanes at a time, one half after the other.</summary>
        internal unsafe void Add256(float* data, int stride, int rows, int columns, float* sigma)
        {
            AddHalf256(data, stride, rows, columns, sigma, _lo0, _lo1, _lo2, _lo3, 0);
            AddHalf256(data, stride, rows, columns, sigma, _hi0, _hi1, _hi2, _hi3, 8);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void AddHalf256(float* data, int stride, int rows, int columns, float* sigma,
            Vector256<uint> s0, Vector256<uint> s1, Vector256<uint> s2, Vector256<uint> s3, int offset)
        {
            for (var i = 0; i < rows; i++)
            {
                var row = data + (long)i * stride + offset;
                var scale = Vector256.Create(sigma[i]);
                for (var j = 0; j < columns; j += Step)
                {
                    var (x, y) = Pair(Next(ref s0, ref s1, ref s2, ref s3), Next(ref s0, ref s1, ref s2, ref s3));
                    Vector256.Store(x * scale + Vector256.Load(row + j), row + j);
                    Vector256.Store(y * scale + Vector256.Load(row + j + 16), row + j + 16);
                }
            }
        }

        /// <summary><see cref="Fill512"/> one lane at a time: the same values.</summary>
        internal void FillLanes(Span<float> destination)
        {
            var (l0, l1, l2, l3, h0, h1, h2, h3) = (_lo0, _lo1, _lo2, _lo3, _hi0, _hi1, _hi2, _hi3);
            for (var k = 0; k < destination.Length; k += Step)
            {
                LaneStep(destination, k, Next(ref l0, ref l1, ref l2, ref l3), Next(ref l0, ref l1, ref l2, ref l3));
                LaneStep(destination, k + 8, Next(ref h0, ref h1, ref h2, ref h3), Next(ref h0, ref h1, ref h2, ref h3));
            }
        }

        private static void LaneStep(Span<float> destination, int k, Vector256<uint> a, Vector256<uint> b)
        {
            for (var lane = 0; lane < 8; lane++)
            {
                var (x, y) = Pair(a[lane], b[lane]);
                if (k + lane < destination.Length) destination[k + lane] = x;
                if (k + 16 + lane < destination.Length) destination[k + 16 + lane] = y;
            }
        }
    }

    // xoshiro128**'s step on every lane. The state is passed in locals, not kept in fields: through fields every step went
    // through memory. rotl(s1·5, 7)·9 with the multiplies as shifts and adds (measured faster than vpmulld).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Next(ref Vector256<uint> s0, ref Vector256<uint> s1, ref Vector256<uint> s2, ref Vector256<uint> s3)
    {
        var r = Rotate((s1 << 2) + s1, 7);
        var result = (r << 3) + r;
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
    private static Vector512<uint> Next(ref Vector512<uint> s0, ref Vector512<uint> s1, ref Vector512<uint> s2, ref Vector512<uint> s3)
    {
        var r = Rotate((s1 << 2) + s1, 7);
        var result = (r << 3) + r;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Rotate(Vector512<uint> x, int k) => (x << k) | (x >>> (32 - k));

    // The Box–Muller pair of the words a (radius) and b (direction), eight lanes at once and one lane at a time.
    private const float Pow2M31 = 1f / (1u << 31), Pow2M32 = Pow2M31 / 2, Pow2M24 = 1f / (1 << 24), QuarterPi = 0.785398163397448309616f;

    // Cephes sinf/cosf on [−π/4, π/4] (S. Moshier): sin φ = φ + φ·z·S(z), cos φ = 1 − z/2 + z²·C(z), z = φ².
    private const float Sin0 = -1.9515295891e-4f, Sin1 = 8.3321608736e-3f, Sin2 = -1.6666654611e-1f,
        Cos0 = 2.443315711809948e-5f, Cos1 = -1.388731625493765e-3f, Cos2 = 4.166664568298827e-2f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> X, Vector256<float> Y) Pair(Vector256<uint> a, Vector256<uint> b)
    {
        var u = Vector256.ConvertToSingle((a >>> 1).AsInt32()) * Vector256.Create(Pow2M31) + Vector256.Create(Pow2M32);
        var radius = Vector256.Sqrt(Log(u) * Vector256.Create(-2f));
        var phi = Vector256.ConvertToSingle((b & Vector256.Create(0x00FFFFFFu)).AsInt32()) * Vector256.Create(Pow2M24) * Vector256.Create(QuarterPi);
        var z = phi * phi;
        var ps = Vector256.FusedMultiplyAdd(Vector256.Create(Sin0), z, Vector256.Create(Sin1));
        ps = Vector256.FusedMultiplyAdd(ps, z, Vector256.Create(Sin2));
        var sin = Vector256.FusedMultiplyAdd(ps * z, phi, phi);
        var pc = Vector256.FusedMultiplyAdd(Vector256.Create(Cos0), z, Vector256.Create(Cos1));
        pc = Vector256.FusedMultiplyAdd(pc, z, Vector256.Create(Cos2));
        var cos = Vector256.FusedMultiplyAdd(pc * z, z, Vector256.FusedMultiplyAdd(Vector256.Create(-0.5f), z, Vector256<float>.One));
        var swap = ((b << 2).AsInt32() >> 31).AsSingle();   // bit 29: the octant's swap of the coordinates
        var sign = Vector256.Create(0x80000000u);
        var x = Vector256.ConditionalSelect(swap, sin, cos) ^ ((b << 1) & sign).AsSingle();   // bit 30 negates x
        var y = Vector256.ConditionalSelect(swap, cos, sin) ^ (b & sign).AsSingle();          // bit 31 negates y
        return (radius * x, radius * y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> X, Vector512<float> Y) Pair(Vector512<uint> a, Vector512<uint> b)
    {
        var u = Vector512.ConvertToSingle((a >>> 1).AsInt32()) * Vector512.Create(Pow2M31) + Vector512.Create(Pow2M32);
        var radius = Vector512.Sqrt(Log(u) * Vector512.Create(-2f));
        var phi = Vector512.ConvertToSingle((b & Vector512.Create(0x00FFFFFFu)).AsInt32()) * Vector512.Create(Pow2M24) * Vector512.Create(QuarterPi);
        var z = phi * phi;
        var ps = Vector512.FusedMultiplyAdd(Vector512.Create(Sin0), z, Vector512.Create(Sin1));
        ps = Vector512.FusedMultiplyAdd(ps, z, Vector512.Create(Sin2));
        var sin = Vector512.FusedMultiplyAdd(ps * z, phi, phi);
        var pc = Vector512.FusedMultiplyAdd(Vector512.Create(Cos0), z, Vector512.Create(Cos1));
        pc = Vector512.FusedMultiplyAdd(pc, z, Vector512.Create(Cos2));
        var cos = Vector512.FusedMultiplyAdd(pc * z, z, Vector512.FusedMultiplyAdd(Vector512.Create(-0.5f), z, Vector512<float>.One));
        var swap = ((b << 2).AsInt32() >> 31).AsSingle();   // bit 29: the octant's swap of the coordinates
        var sign = Vector512.Create(0x80000000u);
        var x = Vector512.ConditionalSelect(swap, sin, cos) ^ ((b << 1) & sign).AsSingle();   // bit 30 negates x
        var y = Vector512.ConditionalSelect(swap, cos, sin) ^ (b & sign).AsSingle();          // bit 31 negates y
        return (radius * x, radius * y);
    }

    private static (float X, float Y) Pair(uint a, uint b)
    {
        var u = (int)(a >> 1) * Pow2M31 + Pow2M32;
        var radius = MathF.Sqrt(Log(u) * -2f);
        var phi = (int)(b & 0x00FFFFFFu) * Pow2M24 * QuarterPi;
        var z = phi * phi;
        var ps = MathF.FusedMultiplyAdd(Sin0, z, Sin1);
        ps = MathF.FusedMultiplyAdd(ps, z, Sin2);
        var sin = MathF.FusedMultiplyAdd(ps * z, phi, phi);
        var pc = MathF.FusedMultiplyAdd(Cos0, z, Cos1);
        pc = MathF.FusedMultiplyAdd(pc, z, Cos2);
        var cos = MathF.FusedMultiplyAdd(pc * z, z, MathF.FusedMultiplyAdd(-0.5f, z, 1f));
        var swap = (b >> 29 & 1) != 0;
        var x = swap ? sin : cos;
        var y = swap ? cos : sin;
        if ((b >> 30 & 1) != 0) x = -x;
        if ((b >> 31) != 0) y = -y;
        return (radius * x, radius * y);
    }
}
