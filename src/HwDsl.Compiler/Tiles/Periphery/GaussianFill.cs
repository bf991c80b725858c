using System.Numerics.Tensors;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// Standard-normal draws in bulk for the per-MVM noise stages: Marsaglia's polar method on 24-bit uniforms — a point (u, v)
/// uniform in the unit disc (one 64-bit draw per candidate, rejected outside the disc; the half-step offset keeps it off the origin), s = u² + v²,
/// z₁ = u·√(−2 ln s / s), z₂ = v·√(−2 ln s / s) — with the logarithm, division and root vectorized over the whole span
/// and no trigonometry (Box–Muller's sine and cosine cost more than the rest together). Exact in distribution (tails to
/// about 8σ); the sequence is fixed by the seed.
/// </summary>
internal static class GaussianFill
{
    [ThreadStatic] private static float[]? t_u, t_v, t_s, t_f;

    internal static void Fill(SeededRandom random, Span<float> destination)
    {
        var n = destination.Length;
        if (n == 0) return;
        var half = (n + 1) / 2;
        var u = Buffer(ref t_u, half);
        var v = Buffer(ref t_v, half);
        var s = Buffer(ref t_s, half);
        var f = Buffer(ref t_f, half);
        const float unit = 2f / (1 << 24);
        for (var k = 0; k < half;)
        {
            var bits = random.NextUInt64();
            var x = ((bits >> 40) + 0.5f) * unit - 1f;
            var y = (((bits >> 8) & 0xFFFFFF) + 0.5f) * unit - 1f;
            var r = x * x + y * y;
            if (r >= 1f) continue;
            (u[k], v[k], s[k]) = (x, y, r);
            k++;
        }
        TensorPrimitives.Log(s, f);
        TensorPrimitives.Multiply(f, -2f, f);
        TensorPrimitives.Divide(f, s, f);
        TensorPrimitives.Sqrt(f, f);
        TensorPrimitives.Multiply(u, f, destination[..half]);
        TensorPrimitives.Multiply(v[..(n - half)], f[..(n - half)], destination[half..]);
    }

    private static Span<float> Buffer(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new float[Math.Max(length, 1024)];
        return buffer.AsSpan(0, length);
    }
}
