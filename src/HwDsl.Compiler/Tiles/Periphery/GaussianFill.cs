using System.Numerics.Tensors;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// Standard-normal draws in bulk for the per-MVM noise stages: Box–Muller on 24-bit uniforms (u₁ in (0, 1), u₂ in [0, 1)),
/// z₁ = √(−2 ln u₁)·cos 2πu₂ and z₂ = √(−2 ln u₁)·sin 2πu₂, with the logarithm, root and sine/cosine vectorized over the
/// whole span. Exact Box–Muller (tails to about 5.9σ); one 64-bit draw per pair, so the sequence is fixed by the seed.
/// </summary>
internal static class GaussianFill
{
    [ThreadStatic] private static float[]? t_a, t_b, t_c;

    internal static void Fill(SeededRandom random, Span<float> destination)
    {
        var n = destination.Length;
        if (n == 0) return;
        var half = (n + 1) / 2;
        var a = Buffer(ref t_a, half);
        var b = Buffer(ref t_b, half);
        var c = Buffer(ref t_c, half);
        const float unit = 1f / (1 << 24);
        for (var k = 0; k < half; k++)
        {
            var bits = random.NextUInt64();
            a[k] = ((bits >> 40) + 0.5f) * unit;
            b[k] = (bits & 0xFFFFFF) * unit * (2 * MathF.PI);
        }
        TensorPrimitives.Log(a, a);
        TensorPrimitives.Multiply(a, -2f, a);
        TensorPrimitives.Sqrt(a, a);
        TensorPrimitives.SinCos(b, b, c);
        TensorPrimitives.Multiply(a, c, destination[..half]);
        TensorPrimitives.Multiply(a[..(n - half)], b[..(n - half)], destination[half..]);
    }

    private static Span<float> Buffer(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new float[Math.Max(length, 1024)];
        return buffer.AsSpan(0, length);
    }
}
