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

    // tanh(z) = z·P(z²)/Q(z²) for |z| ≤ 7.9053 (Eigen's float tanh; |error| &lt; 3e-8, relative &lt; 2e-7 in exact
    // arithmetic), ±(1 − 2.7e-7) beyond. Relative accuracy near 0 keeps small β exact enough, and there is no exp.
    // The float derivative is 1 − t², whose absolute error (≤ ~5e-7·β/4 in the tails) is harmless.
    private const float TanhClamp = 7.90531110763549805f;
    private const float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f,
        A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f, B6 = 1.19825839466702e-06f;

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
        public readonly float HalfBeta, HalfOverTq, QuarterBetaOverTq;
        public readonly bool Hard;

        public Constants(double beta)
        {
            var tq = Math.Tanh(beta / 4);
            HalfBeta = (float)(beta / 2);
            HalfOverTq = (float)(0.5 / tq);
            QuarterBetaOverTq = (float)(beta / (4 * tq));
            Hard = beta >= HardBeta;
        }
    }

    /// <summary>Float s_β(f), s'_β(f) with the same formulas as the vector form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Value(float f, in Constants c, out float derivative)
    {
        var z = Math.Clamp(c.HalfBeta * (f - 0.5f), -TanhClamp, TanhClamp);
        var z2 = z * z;
        var p = MathF.FusedMultiplyAdd(A13, z2, A11);
        p = MathF.FusedMultiplyAdd(p, z2, A9);
        p = MathF.FusedMultiplyAdd(p, z2, A7);
        p = MathF.FusedMultiplyAdd(p, z2, A5);
        p = MathF.FusedMultiplyAdd(p, z2, A3);
        p = MathF.FusedMultiplyAdd(p, z2, A1);
        var q = MathF.FusedMultiplyAdd(B6, z2, B4);
        q = MathF.FusedMultiplyAdd(q, z2, B2);
        q = MathF.FusedMultiplyAdd(q, z2, B0);
        var t = z * p / q;
        derivative = MathF.FusedMultiplyAdd(-t, t, 1) * c.QuarterBetaOverTq;
        if (c.Hard) return f >= 0.5f ? 1 : 0;
        return MathF.FusedMultiplyAdd(t, c.HalfOverTq, 0.5f);
    }

    /// <summary>The vector form of <see cref="Value(float, in Constants, out float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Value(Vector256<float> f, in Constants c, out Vector256<float> derivative)
    {
        var half = Vector256.Create(0.5f);
        var one = Vector256<float>.One;
        var limit = Vector256.Create(TanhClamp);
        var z = Vector256.Create(c.HalfBeta) * (f - half);
        z = Vector256.MinNative(Vector256.MaxNative(z, -limit), limit);
        var z2 = z * z;
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(A13), z2, Vector256.Create(A11));
        p = Vector256.FusedMultiplyAdd(p, z2, Vector256.Create(A9));
        p = Vector256.FusedMultiplyAdd(p, z2, Vector256.Create(A7));
        p = Vector256.FusedMultiplyAdd(p, z2, Vector256.Create(A5));
        p = Vector256.FusedMultiplyAdd(p, z2, Vector256.Create(A3));
        p = Vector256.FusedMultiplyAdd(p, z2, Vector256.Create(A1));
        var q = Vector256.FusedMultiplyAdd(Vector256.Create(B6), z2, Vector256.Create(B4));
        q = Vector256.FusedMultiplyAdd(q, z2, Vector256.Create(B2));
        q = Vector256.FusedMultiplyAdd(q, z2, Vector256.Create(B0));
        // p/q by the reciprocal estimate and a Newton step (q ∈ [B0, 0.2]): cheaper than the divider.
        var r0 = Avx.IsSupported ? Avx.Reciprocal(q) : one / q;
        var t = z * p * (r0 * Vector256.FusedMultiplyAdd(-q, r0, Vector256.Create(2f)));
        derivative = Vector256.FusedMultiplyAdd(-t, t, one) * Vector256.Create(c.QuarterBetaOverTq);
        if (c.Hard) return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(f, half), one, Vector256<float>.Zero);
        return Vector256.FusedMultiplyAdd(t, Vector256.Create(c.HalfOverTq), half);
    }
}
