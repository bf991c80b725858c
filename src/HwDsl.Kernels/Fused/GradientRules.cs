using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>
/// An elementwise backward rule as a small operator struct with a vector and a scalar form: the gradient
/// contribution for one element given the saved forward value v (input or output, as the rule needs) and dy.
/// </summary>
public interface IGradientRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>dx contribution for a whole vector of elements.</summary>
    Vector<T> Invoke(Vector<T> v, Vector<T> dy);

    /// <summary>dx contribution for one element (the tail).</summary>
    T Invoke(T v, T dy);
}

/// <summary>Runs an <see cref="IGradientRule{T}"/> over spans: dx += rule(v, dy), vector body then scalar tail.</summary>
public static class GradientRules
{
    /// <summary>dx[i] += rule(v[i], dy[i]) for every i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate<T, TRule>(ReadOnlySpan<T> v, ReadOnlySpan<T> dy, Span<T> dx, TRule rule)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TRule : struct, IGradientRule<T>
    {
        if (v.Length != dy.Length || v.Length != dx.Length)
            throw new ArgumentException($"span lengths differ: {v.Length}, {dy.Length}, {dx.Length}.");
        var i = 0;
        if (Vector.IsHardwareAccelerated && v.Length >= Vector<T>.Count)
        {
            var vv = MemoryMarshal.Cast<T, Vector<T>>(v);
            var vdy = MemoryMarshal.Cast<T, Vector<T>>(dy);
            var vdx = MemoryMarshal.Cast<T, Vector<T>>(dx);
            for (var k = 0; k < vv.Length; k++) vdx[k] += rule.Invoke(vv[k], vdy[k]);
            i = vv.Length * Vector<T>.Count;
        }
        for (; i < v.Length; i++) dx[i] += rule.Invoke(v[i], dy[i]);
    }
}
