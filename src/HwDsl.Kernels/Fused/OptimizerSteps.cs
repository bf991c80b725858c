using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>
/// One fused pass per parameter tensor for the optimizers' update rules (the same rules as PyTorch's
/// SGD and Adam/AdamW), instead of a chain of elementwise passes over memory.
/// </summary>
public static class OptimizerSteps
{
    /// <summary>
    /// SGD with momentum μ and L2 weight decay λ: g' = g + λp; b = μb + g'; p −= η(nesterov ? g' + μb : b).
    /// With μ = 0, <paramref name="buffer"/> may be empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sgd<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> buffer, T lr, T momentum, T weightDecay, bool nesterov)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var useMomentum = momentum != T.Zero;
        if (g.Length != p.Length || (useMomentum && buffer.Length != p.Length))
            throw new ArgumentException($"parameter, gradient and momentum lengths differ: {p.Length}, {g.Length}, {buffer.Length}.");
        var i = 0;
        if (Vector.IsHardwareAccelerated && useMomentum)
        {
            var vp = MemoryMarshal.Cast<T, Vector<T>>(p);
            var vg = MemoryMarshal.Cast<T, Vector<T>>(g);
            var vb = MemoryMarshal.Cast<T, Vector<T>>(buffer);
            Vector<T> vlr = new(lr), vmu = new(momentum), vwd = new(weightDecay);
            for (var v = 0; v < vp.Length; v++)
            {
                var gd = vg[v] + vwd * vp[v];
                var b = vmu * vb[v] + gd;
                vb[v] = b;
                vp[v] -= vlr * (nesterov ? gd + vmu * b : b);
            }
            i = vp.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var gd = g[i] + weightDecay * p[i];
            if (!useMomentum) { p[i] -= lr * gd; continue; }
            var b = momentum * buffer[i] + gd;
            buffer[i] = b;
            p[i] -= lr * (nesterov ? gd + momentum * b : b);
        }
    }

    /// <summary>
    /// Adam step t (1-based): g' = g + λp (L2, unless <paramref name="decoupledDecay"/>, then p −= ηλp first, as AdamW);
    /// m = β₁m + (1−β₁)g'; v = β₂v + (1−β₂)g'²; p −= η/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Adam<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, int step, T lr, T beta1, T beta2, T epsilon,
        T weightDecay, bool decoupledDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Length != p.Length || m.Length != p.Length || v.Length != p.Length)
            throw new ArgumentException($"parameter, gradient and moment lengths differ: {p.Length}, {g.Length}, {m.Length}, {v.Length}.");
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), $"Adam steps count from 1; got {step}.");
        var bc1 = T.One - T.Pow(beta1, T.CreateChecked(step));
        var bc2 = T.One - T.Pow(beta2, T.CreateChecked(step));
        var stepSize = lr / bc1;
        var invSqrtBc2 = T.One / T.Sqrt(bc2);
        var l2 = decoupledDecay ? T.Zero : weightDecay;
        var shrink = decoupledDecay ? T.One - lr * weightDecay : T.One;
        var oneMinusB1 = T.One - beta1;
        var oneMinusB2 = T.One - beta2;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vp = MemoryMarshal.Cast<T, Vector<T>>(p);
            var vg = MemoryMarshal.Cast<T, Vector<T>>(g);
            var vm = MemoryMarshal.Cast<T, Vector<T>>(m);
            var vv = MemoryMarshal.Cast<T, Vector<T>>(v);
            Vector<T> b1 = new(beta1), b2 = new(beta2), c1 = new(oneMinusB1), c2 = new(oneMinusB2), vl2 = new(l2),
                vshrink = new(shrink), vstep = new(stepSize), vinv = new(invSqrtBc2), veps = new(epsilon);
            for (var k = 0; k < vp.Length; k++)
            {
                var pk = vp[k] * vshrink;
                var gk = vg[k] + vl2 * vp[k];
                var mk = b1 * vm[k] + c1 * gk;
                var vk = b2 * vv[k] + c2 * gk * gk;
                vm[k] = mk;
                vv[k] = vk;
                vp[k] = pk - vstep * mk / (Vector.SquareRoot(vk) * vinv + veps);
            }
            i = vp.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var pk = p[i] * shrink;
            var gk = g[i] + l2 * p[i];
            var mk = beta1 * m[i] + oneMinusB1 * gk;
            var vk = beta2 * v[i] + oneMinusB2 * gk * gk;
            m[i] = mk;
            v[i] = vk;
            p[i] = pk - stepSize * mk / (T.Sqrt(vk) * invSqrtBc2 + epsilon);
        }
    }
}
