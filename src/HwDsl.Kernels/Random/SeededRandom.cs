using System.Numerics;

namespace HwDsl.Kernels;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose sequence is fixed by this code
/// (unlike System.Random, whose algorithm may change between runtimes), so a seed replays bit-for-bit.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>Creates a generator from a seed and optional stream ids (e.g. epoch, layer) mixed into it.</summary>
    public SeededRandom(ulong seed, params ReadOnlySpan<ulong> streams)
    {
        var x = seed;
        foreach (var s in streams) x = new SplitMix64(x).Next() ^ (s * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
        var mix = new SplitMix64(x);
        _s0 = mix.Next(); _s1 = mix.Next(); _s2 = mix.Next(); _s3 = mix.Next();
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), $"bound must be positive; got {bound}.");
        var product = (ulong)(uint)(NextUInt64() >> 32) * (uint)bound;
        var low = (uint)product;
        if (low < (uint)bound)
        {
            var threshold = (uint)-bound % (uint)bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * (uint)bound;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    /// <summary>Standard normal by the polar Box–Muller method.</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare) { _spareNormal = null; return spare; }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="values"/> in place.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
