namespace HwDsl.Kernels;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; the reference constants of Vigna's splitmix64.c). Ours, not
/// System.Random, so a shuffle stays the same across .NET versions. The one SplitMix64 of HwDsl: it seeds
/// <see cref="SeededRandom"/> and drives the mini-batch shuffles and shift augmentation.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>A generator whose state starts at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound) without modulo bias (Lemire's multiply-shift with rejection).</summary>
    public uint NextBelow(uint bound)
    {
        ulong m = (ulong)(uint)(Next() >> 32) * bound;
        uint low = (uint)m;
        if (low < bound)
        {
            uint threshold = (uint)-bound % bound;
            while (low < threshold)
            {
                m = (ulong)(uint)(Next() >> 32) * bound;
                low = (uint)m;
            }
        }
        return (uint)(m >> 32);
    }
}
