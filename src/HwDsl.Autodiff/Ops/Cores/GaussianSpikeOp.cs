using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// Spike probability of a layer of core neurons under the Gaussian approximation (Esser et al. 2015). Axon i spikes
/// with probability x_i, is connected to neuron j with probability p_ij (or surely, p ∈ {0, 1}) and weighs s_ij (the
/// neuron's integer weight for the axon's type; 0 where the axon does not reach the neuron's core). The synaptic sum
/// plus the real-valued leak b_j has
/// <code>
/// μ_j = Σ_i x_i p_ij s_ij + b_j,   σ²_j = Σ_i s_ij² (x_i p_ij − x_i² p_ij²) + σ₀²,   y_j = Φ(μ_j / σ_j)
/// </code>
/// (independent Bernoulli terms; σ₀ keeps a gradient where every term is certain). Backward is the exact gradient
/// with respect to x, p and b; s and σ₀ are constants. With <c>hard</c> the forward pass emits the spike itself,
/// y_j = [μ_j ≥ 0] (what a deterministic core computes), and backward keeps the Gaussian gradient as a surrogate.
/// </summary>
public sealed class GaussianSpikeOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _p, _b, _y, _z, _v, _m, _q1, _nq2, _x2;
    private readonly T[] _s;

    private GaussianSpikeOp(Tensor<T> x, Tensor<T> p, T[] s, Tensor<T> b, Tensor<T> y, Tensor<T> z, Tensor<T> v,
        Tensor<T> m, Tensor<T> q1, Tensor<T> nq2, Tensor<T> x2)
        => (_x, _p, _s, _b, _y, _z, _v, _m, _q1, _nq2, _x2) = (x, p, s, b, y, z, v, m, q1, nq2, x2);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, Tensor<T> p, T[] s, Tensor<T> b, T smoothing, bool hard)
    {
        int batch = x.Rows, axons = p.Rows, neurons = p.Cols;
        if (x.Cols != axons) throw new ArgumentException($"gaussian spike: input has {x.Cols} axons but the connections are {axons}×{neurons}.");
        if (s.Length < axons * neurons) throw new ArgumentException($"gaussian spike: axon weights hold {s.Length} values; {axons}×{neurons} needed.");
        if (b.Rows != 1 || b.Cols != neurons) throw new ArgumentException($"gaussian spike: leak must be 1×{neurons}; got {b.Rows}×{b.Cols}.");

        var m = tape.Output(axons, neurons, false);
        var q1 = tape.Output(axons, neurons, false);
        var nq2 = tape.Output(axons, neurons, false);
        var pv = p.Values;
        for (var k = 0; k < pv.Length; k++)
        {
            T w = s[k], pk = pv[k];
            m.Values[k] = pk * w;
            q1.Values[k] = pk * w * w;
            nq2.Values[k] = -(pk * pk * w * w);
        }
        var x2 = tape.Output(batch, axons, false);
        var xv = x.Values;
        for (var k = 0; k < xv.Length; k++) x2.Values[k] = xv[k] * xv[k];

        var mu = tape.Output(batch, neurons, false);
        Mac.Gemm<T>(xv, m.Values, mu.Values, batch, neurons, axons, GemmLayout.NN, false, b.Values, tape.Pool);
        var v = tape.Output(batch, neurons, false);
        Mac.Gemm<T>(xv, q1.Values, v.Values, batch, neurons, axons, GemmLayout.NN, false, default, tape.Pool);
        Mac.Gemm<T>(x2.Values, nq2.Values, v.Values, batch, neurons, axons, GemmLayout.NN, true, default, tape.Pool);

        var y = tape.Output(batch, neurons, x.RequiresGrad || p.RequiresGrad || b.RequiresGrad);
        var s0 = smoothing * smoothing;
        for (var k = 0; k < y.Length; k++)
        {
            // Rounding can leave x·Q1 − x²·Q2 a hair below zero; the variance itself never is.
            var variance = T.Max(v.Values[k], T.Zero) + s0;
            v.Values[k] = variance;
            var z = double.CreateChecked(mu.Values[k]) / Math.Sqrt(double.CreateChecked(variance));
            mu.Values[k] = T.CreateChecked(z);
            // float trains on the cheap Φ; double (the gradient checks) on the exact one.
            y.Values[k] = hard ? (z >= 0 ? T.One : T.Zero) : typeof(T) == typeof(float) ? T.CreateChecked(Gaussian.CdfFast((float)z)) : T.CreateChecked(Gaussian.Cdf(z));
        }
        tape.Record(new GaussianSpikeOp<T>(x, p, s, b, y, mu, v, m, q1, nq2, x2), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        int batch = _x.Rows, axons = _p.Rows, neurons = _p.Cols;
        var dy = _y.Gradient;
        var dmu = tape.Output(batch, neurons, false);
        var dv = tape.Output(batch, neurons, false);
        for (var k = 0; k < dy.Length; k++)
        {
            var z = double.CreateChecked(_z.Values[k]);
            var variance = double.CreateChecked(_v.Values[k]);
            var g = double.CreateChecked(dy[k]) * Gaussian.Pdf(z);
            dmu.Values[k] = T.CreateChecked(g / Math.Sqrt(variance));
            dv.Values[k] = T.CreateChecked(-0.5 * g * z / variance);
        }

        var db = tape.GradientOf(_b);
        if (!db.IsEmpty) Reductions.AddColumnSums<T>(dmu.Values, batch, neurons, db);

        var dp = tape.GradientOf(_p);
        if (!dp.IsEmpty)
        {
            var a = tape.Output(axons, neurons, false);
            var c = tape.Output(axons, neurons, false);
            var d = tape.Output(axons, neurons, false);
            Mac.Gemm<T>(_x.Values, dmu.Values, a.Values, axons, neurons, batch, GemmLayout.TN, false, default, tape.Pool);
            Mac.Gemm<T>(_x.Values, dv.Values, c.Values, axons, neurons, batch, GemmLayout.TN, false, default, tape.Pool);
            Mac.Gemm<T>(_x2.Values, dv.Values, d.Values, axons, neurons, batch, GemmLayout.TN, false, default, tape.Pool);
            var two = T.One + T.One;
            var pv = _p.Values;
            for (var k = 0; k < dp.Length; k++)
            {
                T w = _s[k];
                dp[k] += a.Values[k] * w + w * w * (c.Values[k] - two * pv[k] * d.Values[k]);
            }
        }

        var dx = tape.GradientOf(_x);
        if (!dx.IsEmpty)
        {
            Mac.Gemm<T>(dmu.Values, _m.Values, dx, batch, axons, neurons, GemmLayout.NT, true, default, tape.Pool);
            Mac.Gemm<T>(dv.Values, _q1.Values, dx, batch, axons, neurons, GemmLayout.NT, true, default, tape.Pool);
            var e = tape.Output(batch, axons, false);
            Mac.Gemm<T>(dv.Values, _nq2.Values, e.Values, batch, axons, neurons, GemmLayout.NT, false, default, tape.Pool);
            var two = T.One + T.One;
            var xv = _x.Values;
            for (var k = 0; k < dx.Length; k++) dx[k] += two * xv[k] * e.Values[k];
        }
    }
}

/// <summary>The Gaussian spike op on a tape.</summary>
public static class GaussianSpikeExtensions
{
    /// <summary>y = Φ(μ/σ), the spike probability of core neurons (see <see cref="GaussianSpikeOp{T}"/>).</summary>
    /// <param name="tape">The tape.</param>
    /// <param name="x">Axon spike probabilities, batch×axons.</param>
    /// <param name="p">Connection probabilities (or binary connections), axons×neurons.</param>
    /// <param name="s">Signed integer axon weights s_ij (0 where not wired), axons×neurons, row-major.</param>
    /// <param name="b">Real-valued leak, 1×neurons.</param>
    /// <param name="smoothing">σ₀ &gt; 0.</param>
    /// <param name="hard">Emit [μ ≥ 0] forward (the Gaussian gradient stays as a surrogate).</param>
    public static Tensor<T> GaussianSpike<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> p, T[] s, Tensor<T> b, T smoothing, bool hard = false)
        where T : unmanaged, IFloatingPointIeee754<T> => GaussianSpikeOp<T>.Forward(tape, x, p, s, b, smoothing, hard);
}
