using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// Standard-normal draws in bulk (the per-MVM noise of the analog periphery): Marsaglia's polar method on eight
/// xoshiro128** lanes seeded from a <see cref="SeededRandom"/>. Each step draws eight candidate points (u, v), uniform in
/// the square (−1, 1)² on a half-step grid of 2⁻²³ (never the origin), keeps those inside the unit disc in lane order
/// (a left-pack by a permutation table on AVX2, a lane loop otherwise: the same values either way), and then
/// z₁ = u·√(−2 ln s / s), z₂ = v·√(−2 ln s / s) with s = u² + v² is computed over the whole span with vectorized
/// logarithm, division and root, and no trigonometry. Exact in distribution (tails to about 8σ); the sequence is fixed
/// by the generator's state, whatever the instruction set.
/// </summary>
public static class GaussianFill
{
    private const float Grid = 1f / (1 << 23);
    private static readonly Vector256<int>[] LeftPack = BuildLeftPack();

    [ThreadStatic] private static float[]? t_u, t_v, t_s;

    /// <summary>Tests: take the lane-loop path even where AVX2 exists (its output must be identical).</summary>
    internal static bool ForceLaneLoop { get; set; }

    /// <summary>Fills <paramref name="destination"/> with independent standard-normal draws from <paramref name="random"/>
    /// (which advances by 16 draws: the seed of the eight lanes).</summary>
    public static void Fill(SeededRandom random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        var n = destination.Length;
        if (n == 0) return;
        var half = (n + 1) / 2;
        // A step keeps up to 8 points past the last one needed.
        var u = Buffer(ref t_u, half + 8);
        var v = Buffer(ref t_v, half + 8);
        var s = Buffer(ref t_s, half + 8);
        var lanes = new Lanes(random);
        var vector = Avx2.IsSupported && !ForceLaneLoop;
        for (var k = 0; k < half;)
            k += vector ? lanes.StepVector(u, v, s, k) : lanes.StepLanes(u, v, s, k);
        u = u[..half];
        v = v[..half];
        s = s[..half];
        // s becomes √(−2 ln s / s) in place; the division reads s again, so the log goes through the destination first.
        var f = destination[..half];
        TensorPrimitives.Log(s, f);
        TensorPrimitives.Multiply(f, -2f, f);
        TensorPrimitives.Divide(f, s, s);
        TensorPrimitives.Sqrt(s, s);
        TensorPrimitives.Multiply(u, s, destination[..half]);
        TensorPrimitives.Multiply(v[..(n - half)], s[..(n - half)], destination[half..]);
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
    private struct Lanes
    {
        private Vector256<uint> _s0, _s1, _s2, _s3;

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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<uint> Next()
        {
            var result = Rotate(_s1 * 5u, 7) * 9u;
            var t = _s1 << 9;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = Rotate(_s3, 11);
            return result;
        }

        private static Vector256<uint> Rotate(Vector256<uint> x, int k) => (x << k) | (x >>> (32 - k));

        // The top 24 bits as a half-integer in (−2²³, 2²³), times 2⁻²³: exact in float, never 0.
        private static Vector256<float> Coordinate(Vector256<uint> bits) =>
            (Vector256.ConvertToSingle((bits >>> 8).AsInt32() - Vector256.Create(1 << 23)) + Vector256.Create(0.5f)) * Vector256.Create(Grid);

        internal int StepVector(Span<float> u, Span<float> v, Span<float> s, int k)
        {
            var x = Coordinate(Next());
            var y = Coordinate(Next());
            var r = x * x + y * y;
            var mask = (int)Vector256.LessThan(r, Vector256<float>.One).ExtractMostSignificantBits();
            var pack = LeftPack[mask];
            Avx2.PermuteVar8x32(x, pack).StoreUnsafe(ref u[k]);
            Avx2.PermuteVar8x32(y, pack).StoreUnsafe(ref v[k]);
            Avx2.PermuteVar8x32(r, pack).StoreUnsafe(ref s[k]);
            return BitOperations.PopCount((uint)mask);
        }

        internal int StepLanes(Span<float> u, Span<float> v, Span<float> s, int k)
        {
            var xs = Next();
            var ys = Next();
            var kept = 0;
            for (var lane = 0; lane < 8; lane++)
            {
                var x = ((int)(xs[lane] >> 8) - (1 << 23) + 0.5f) * Grid;
                var y = ((int)(ys[lane] >> 8) - (1 << 23) + 0.5f) * Grid;
                var r = x * x + y * y;
                if (r >= 1f) continue;
                (u[k + kept], v[k + kept], s[k + kept]) = (x, y, r);
                kept++;
            }
            return kept;
        }
    }
}
