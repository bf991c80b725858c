namespace HwDsl.Contracts.Tests.Conformance;

/// <summary>A seeded <see cref="IRandomSource"/> (SplitMix64 + Box–Muller) that counts its draws.</summary>
public sealed class CountingRandom(ulong seed) : IRandomSource
{
    private ulong _state = seed;
    private double? _spare;

    /// <summary>Draws taken so far.</summary>
    public int Draws { get; private set; }

    public double NextUniform()
    {
        Draws++;
        return Uniform();
    }

    public double NextNormal()
    {
        Draws++;
        if (_spare is { } s) { _spare = null; return s; }
        double u, v, q;
        do
        {
            u = 2 * Uniform() - 1;
            v = 2 * Uniform() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        var f = Math.Sqrt(-2 * Math.Log(q) / q);
        _spare = v * f;
        return u * f;
    }

    private double Uniform()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }
}
