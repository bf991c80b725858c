using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HwDsl.Kernels;

/// <summary>
/// The normalized in-cell sigmoid of the relaxed quantizers, for a position f ∈ [0, 1] inside a cell:
/// <code>
/// s_β(f)  = (σ(β(f − ½)) − σ(−β/2)) / (σ(β/2) − σ(−β/2)) = ½ + ½·tanh(β(f − ½)/2) / tanh(β/4)
/// s'_β(f) = β·σ(1 − σ) / (σ(β/2) − σ(−β/2))               = β·(1 − tanh²(β(f − ½)/2)) / (4·tanh(β/4))
/// </code>
/// s_β(0) = 0, s_β(1) = 1, s'_β(0) = s'_β(1): cells join C¹. β → 0 gives the identity, β → ∞ the step at ½.
/// For β ≥ <see cref="HardBeta"/> the value is the hard step (no overflow, exact staircase) while the derivative keeps
/// the formula (finite, tiny away from the midpoint).
/// </summary>
public static class RelaxedStep
{
    /// <summary>β from which the forward value is the hard step.</summary>
    public const double HardBeta = 60;

    // Below this |u| = β|f − ½|, tanh(u/2) comes from its Taylor series (1 − e^−|u| loses digits there).
    private const float SeriesLimit = 0.5f;

    /// <summary>Throws unless β is finite and &gt; 0.</summary>
    public static void Validate(double beta)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
            throw new ArgumentOutOfRangeException(nameof(beta), $"relaxation beta must be finite and > 0; got {beta}.");
    }

    /// <summary>s_β(f) and s'_β(f) in double (the reference and the double path of the tape ops).</summary>
    public static double Value(double f, double beta, out double derivative)
    {
        var u = beta * (f - 0.5);
        var t = Math.Tanh(u / 2);
        var tq = Math.Tanh(beta / 4);
        // 1 − tanh²(u/2) = 4e/(1+e)² with e = e^−|u|: no cancellation for large |u|.
        var e = Math.Exp(-Math.Abs(u));
        derivative = beta * e / ((1 + e) * (1 + e) * tq);
        if (beta >= HardBeta) return f >= 0.5 ? 1 : 0;
        return 0.5 + 0.5 * t / tq;
    }

    /// <summary>Per-call constants of the float kernels.</summary>
    internal readonly struct Constants
    {
        public readonly float Beta, HalfOverTq, BetaOverTq;
        public readonly bool Hard;

        // Only for small β does |u| = β|f − ½| get small enough for 1 − e^−|u| to lose digits that matter
        // (its error is divided by tanh(β/4)); above, the series branch is skipped.
        public readonly bool Series;

        public Constants(double beta)
        {
            var tq = Math.Tanh(beta / 4);
            Beta = (float)beta;
            HalfOverTq = (float)(0.5 / tq);
            BetaOverTq = (float)(beta / tq);
            Hard = beta >= HardBeta;
            Series = beta < 2;
        }
    }

    /// <summary>Float s_β(f), s'_β(f) with the same formulas as the vector form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Value(float f, in Constants c, out float derivative)
    {
        var u = c.Beta * (f - 0.5f);
        var au = MathF.Abs(u);
        var e = Exp(-au);
        float ta, omt2;
        if (c.Series && au < SeriesLimit)
        {
            ta = TanhSeries(0.5f * au);
            omt2 = 1 - ta * ta;
        }
        else
        {
            var r = 1 / (1 + e);
            ta = (1 - e) * r;
            omt2 = 4 * e * r * r;
        }
        derivative = omt2 * 0.25f * c.BetaOverTq;
        if (c.Hard) return f >= 0.5f ? 1 : 0;
        return MathF.FusedMultiplyAdd(MathF.CopySign(ta, u), c.HalfOverTq, 0.5f);
    }

    /// <summary>The vector form of <see cref="Value(float, in Constants, out float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Value(Vector256<float> f, in Constants c, out Vector256<float> derivative)
    {
        var half = Vector256.Create(0.5f);
        var one = Vector256<float>.One;
        var u = Vector256.Create(c.Beta) * (f - half);
        var au = Vector256.Abs(u);
        var e = Exp(-au);
        // 1/(1 + e) for 1 + e ∈ [1, 2]: the 12-bit reciprocal estimate and one Newton step (~23 bits) beat a divide.
        var den = one + e;
        var r0 = Avx.IsSupported ? Avx.Reciprocal(den) : one / den;
        var r = r0 * (Vector256.Create(2f) - den * r0);
        var ta = (one - e) * r;
        var omt2 = Vector256.Create(4f) * e * r * r;
        if (c.Series)
        {
            var small = Vector256.LessThan(au, Vector256.Create(SeriesLimit));
            var series = TanhSeries(half * au);
            ta = Vector256.ConditionalSelect(small, series, ta);
            omt2 = Vector256.ConditionalSelect(small, one - series * series, omt2);
        }
        derivative = omt2 * Vector256.Create(0.25f * c.BetaOverTq);
        if (c.Hard) return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(f, half), one, Vector256<float>.Zero);
        var t = ta | (u & Vector256.Create(-0f)); // copy u's sign
        return Vector256.FusedMultiplyAdd(t, Vector256.Create(c.HalfOverTq), half);
    }

    // e^x for x ≤ 0 (Cephes expf: Cody–Waite reduction, degree-5 polynomial, ~1 ulp); x &lt; −87 gives e^−87.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Exp(float x)
    {
        x = MathF.Max(x, -87f);
        var n = MathF.Round(x * 1.44269504f);
        var r = MathF.FusedMultiplyAdd(n, 2.12194440e-4f, MathF.FusedMultiplyAdd(n, -0.693359375f, x));
        var p = MathF.FusedMultiplyAdd(1.9875691500e-4f, r, 1.3981999507e-3f);
        p = MathF.FusedMultiplyAdd(p, r, 8.3334519073e-3f);
        p = MathF.FusedMultiplyAdd(p, r, 4.1665795894e-2f);
        p = MathF.FusedMultiplyAdd(p, r, 1.6666665459e-1f);
        p = MathF.FusedMultiplyAdd(p, r, 5.0000001201e-1f);
        var e = MathF.FusedMultiplyAdd(p, r * r, r + 1);
        return e * BitConverter.Int32BitsToSingle(((int)n + 127) << 23);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Max(x, Vector256.Create(-87f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504f));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x));
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(1.9875691500e-4f), r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        var e = Vector256.FusedMultiplyAdd(p, r * r, r + Vector256<float>.One);
        var scale = ((Vector256.ConvertToInt32Native(n) + Vector256.Create(127)) << 23).AsSingle();
        return e * scale;
    }

    // tanh(z) ≈ z − z³/3 + 2z⁵/15 − 17z⁷/315 for 0 ≤ z ≤ ¼ (relative error &lt; 4e-7).
    private static float TanhSeries(float z)
    {
        var z2 = z * z;
        return z * (1 + z2 * (-1f / 3 + z2 * (2f / 15 + z2 * (-17f / 315))));
    }

    private static Vector256<float> TanhSeries(Vector256<float> z)
    {
        var z2 = z * z;
        var p = Vector256.Create(-17f / 315) * z2 + Vector256.Create(2f / 15);
        p = p * z2 + Vector256.Create(-1f / 3);
        p = p * z2 + Vector256<float>.One;
        return z * p;
    }
}
