using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HwDsl.Kernels;

/// <summary>
/// The elementwise passes of the Gaussian spike approximation of a core layer in float, each rounded exactly as
/// <c>GaussianSpikeOp&lt;float&gt;</c> rounds it (same operations in the same order, no fused multiply-add where it has
/// none), so a fused core layer reproduces the op-by-op tape bit for bit. See <c>GaussianSpikeOp</c> for the model.
/// </summary>
public static class GaussianSpikeKernels
{
    /// <summary>m = p·s, q1 = p·s·s, nq2 = −(p·p·s·s), left to right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Moments(ReadOnlySpan<float> p, ReadOnlySpan<float> s, Span<float> m, Span<float> q1, Span<float> nq2)
    {
        var n = p.Length;
        if (s.Length < n || m.Length < n || q1.Length < n || nq2.Length < n)
            throw new ArgumentException($"moments: p holds {n} values; s, m, q1, nq2 hold {s.Length}, {m.Length}, {q1.Length}, {nq2.Length}.");
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 8 <= n; i += 8)
            {
                var pk = Vector256.Create(p.Slice(i, 8));
                var w = Vector256.Create(s.Slice(i, 8));
                var pw = pk * w;
                pw.CopyTo(m.Slice(i, 8));
                (pw * w).CopyTo(q1.Slice(i, 8));
                // Negation as the scalar one: flip the sign bit (0 − x would turn +0 into +0, not −0).
                Vector256.Xor(pk * pk * w * w, Vector256.Create(-0f)).CopyTo(nq2.Slice(i, 8));
            }
        for (; i < n; i++)
        {
            float w = s[i], pk = p[i];
            m[i] = pk * w;
            q1[i] = pk * w * w;
            nq2[i] = -(pk * pk * w * w);
        }
    }

    /// <summary>c = [w ≥ 0.5] ∈ {0, 1} (the learned binary crossbar).</summary>
    public static void Binarize(ReadOnlySpan<float> w, Span<float> c)
    {
        if (c.Length < w.Length) throw new ArgumentException($"binarize: {w.Length} weights, {c.Length} outputs.");
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var half = Vector256.Create(0.5f);
            var one = Vector256.Create(1f);
            for (; i + 8 <= w.Length; i += 8)
                (Vector256.GreaterThanOrEqual(Vector256.Create(w.Slice(i, 8)), half) & one).CopyTo(c.Slice(i, 8));
        }
        for (; i < w.Length; i++) c[i] = w[i] >= 0.5f ? 1f : 0f;
    }

    /// <summary>
    /// In place over a batch×neurons block: variance = max(v, 0) + σ₀² into <paramref name="v"/>, z = μ/√variance (in
    /// double) into <paramref name="mu"/>, and the spike probability Φ(z) (or [z ≥ 0] when <paramref name="hard"/>) into row r
    /// of <paramref name="y"/> at y[r·ldy + j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(Span<float> mu, Span<float> v, int rows, int neurons, float s0, bool hard, Span<float> y, int ldy)
    {
        if (mu.Length < rows * neurons || v.Length < rows * neurons || y.Length < (rows - 1) * ldy + neurons)
            throw new ArgumentException($"spike forward: {rows}×{neurons} needs μ, v of that size and y rows of stride {ldy}.");
        var s0v = Vector256.Create(s0);
        for (var r = 0; r < rows; r++)
        {
            var yr = y.Slice(r * ldy, neurons);
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; j + 8 <= neurons; j += 8)
                {
                    // Max differs from float.Max at most in the sign of a zero, which + σ₀² (> 0) removes.
                    var k = r * neurons + j;
                    var variance = Vector256.Max(Vector256.Create(v.Slice(k, 8)), Vector256<float>.Zero) + s0v;
                    variance.CopyTo(v.Slice(k, 8));
                    var (m0, m1) = Vector256.Widen(Vector256.Create(mu.Slice(k, 8)));
                    var (v0, v1) = Vector256.Widen(variance);
                    var z0 = m0 / Vector256.Sqrt(v0);
                    var z1 = m1 / Vector256.Sqrt(v1);
                    var z = Vector256.Narrow(z0, z1);
                    z.CopyTo(mu.Slice(k, 8));
                    if (hard)
                    {
                        var one = Vector256.Create(1.0);
                        Vector256.Narrow(Vector256.GreaterThanOrEqual(z0, Vector256<double>.Zero) & one,
                            Vector256.GreaterThanOrEqual(z1, Vector256<double>.Zero) & one).CopyTo(yr.Slice(j, 8));
                    }
                    else
                        for (var q = 0; q < 8; q++) yr[j + q] = Gaussian.CdfFast(mu[k + q]);
                }
            for (; j < neurons; j++)
            {
                var k = r * neurons + j;
                var variance = float.Max(v[k], 0f) + s0;
                v[k] = variance;
                var z = (double)mu[k] / Math.Sqrt(variance);
                mu[k] = (float)z;
                yr[j] = hard ? (z >= 0 ? 1f : 0f) : Gaussian.CdfFast((float)z);
            }
        }
    }

    /// <summary>
    /// From dy (row r at dy[r·lddy + j], plus +0 first when <paramref name="fromConcat"/>, as the concatenation's backward
    /// adds it into a zeroed buffer): g = dy·φ(z), dμ = g/√variance, dv = −0.5·g·z/variance, in double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> dy, int lddy, bool fromConcat, ReadOnlySpan<float> z, ReadOnlySpan<float> variance,
        int rows, int neurons, Span<float> dmu, Span<float> dv)
    {
        if (z.Length < rows * neurons || variance.Length < rows * neurons || dmu.Length < rows * neurons || dv.Length < rows * neurons
            || dy.Length < (rows - 1) * lddy + neurons)
            throw new ArgumentException($"spike backward: {rows}×{neurons} needs z, variance, dμ, dv of that size and dy rows of stride {lddy}.");
        for (var r = 0; r < rows; r++)
        {
            var dyr = dy.Slice(r * lddy, neurons);
            for (var j = 0; j < neurons; j++)
            {
                var k = r * neurons + j;
                var zk = (double)z[k];
                var vk = (double)variance[k];
                var d = fromConcat ? 0f + dyr[j] : dyr[j];
                var g = d * Gaussian.Pdf(zk);
                dmu[k] = (float)(g / Math.Sqrt(vk));
                dv[k] = (float)(-0.5 * g * zk / vk);
            }
        }
    }

    /// <summary>
    /// The connection gradient: t = a·s + s·s·(c − 2·p·d); grad = grad + (viaBinarize ? (0 + t) : t) (through a binarized
    /// crossbar the tape first adds t into the zeroed gradient of the binary connections, then those into W's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ConnectionGradient(ReadOnlySpan<float> a, ReadOnlySpan<float> c, ReadOnlySpan<float> d, ReadOnlySpan<float> p,
        ReadOnlySpan<float> s, bool viaBinarize, Span<float> grad)
    {
        var n = grad.Length;
        if (a.Length < n || c.Length < n || d.Length < n || p.Length < n || s.Length < n)
            throw new ArgumentException($"connection gradient: {n} values needed in a, c, d, p and s.");
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var two = Vector256.Create(2f);
            for (; i + 8 <= n; i += 8)
            {
                var w = Vector256.Create(s.Slice(i, 8));
                var t = Vector256.Create(a.Slice(i, 8)) * w + w * w * (Vector256.Create(c.Slice(i, 8)) - two * Vector256.Create(p.Slice(i, 8)) * Vector256.Create(d.Slice(i, 8)));
                if (viaBinarize) t = Vector256<float>.Zero + t;
                (Vector256.Create(grad.Slice(i, 8)) + t).CopyTo(grad.Slice(i, 8));
            }
        }
        for (; i < n; i++)
        {
            var w = s[i];
            var t = a[i] * w + w * w * (c[i] - 2f * p[i] * d[i]);
            grad[i] += viaBinarize ? 0f + t : t;
        }
    }

    /// <summary>dx = dx + 2·x·e (the x² term's share of the input gradient).</summary>
    public static void AddSquareTerm(ReadOnlySpan<float> x, ReadOnlySpan<float> e, Span<float> dx, bool negateE)
    {
        var n = dx.Length;
        if (x.Length < n || e.Length < n) throw new ArgumentException($"square term: {n} values needed in x and e.");
        for (var i = 0; i < n; i++) dx[i] += 2f * x[i] * (negateE ? -e[i] : e[i]);
    }
}
