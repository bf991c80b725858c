using System.Numerics;
using System.Runtime.InteropServices;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// W_eff = w_max·map(W/w_max) onto a <see cref="LevelTable"/> of achievable weights (units of w_max), relaxed or
/// hard with STE (<see cref="WeightGradient"/>); dW += dW_eff ⊙ dW_eff/dW, the derivative being saved by the forward
/// pass. float runs the fused kernel; other types a scalar path in double (for gradient checks).
/// </summary>
public sealed class MapWeightsOp<T>(Tensor<T> w, Tensor<T> y, Tensor<T> derivative)
    : ElementwiseDerivativeOp<T>(w, y, derivative) where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> w, LevelTable levels, T wMax, WeightGradient mode)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!(wMax > T.Zero) || !T.IsFinite(wMax)) throw new ArgumentOutOfRangeException(nameof(wMax), $"w_max must be finite and > 0; got {wMax}.");
        var y = tape.Output(w.Rows, w.Cols, w.RequiresGrad);
        var d = tape.Output(w.Rows, w.Cols, false);
        if (typeof(T) == typeof(float))
        {
            var wf = MemoryMarshal.Cast<T, float>(w.Values);
            var yf = MemoryMarshal.Cast<T, float>(y.Values);
            var df = MemoryMarshal.Cast<T, float>(d.Values);
            var scale = float.CreateTruncating(wMax);
            if (mode.IsRelaxed) WeightMapper.Relaxed(levels, wf, scale, mode.Beta, yf, df, tape.Pool);
            else WeightMapper.Ste(levels, wf, scale, yf, df, tape.Pool);
        }
        else
        {
            var q = levels.Levels;
            var scale = double.CreateTruncating(wMax);
            for (var i = 0; i < w.Length; i++)
            {
                var yi = Map(q, double.CreateTruncating(w.Values[i]) / scale, mode, out var di);
                y.Values[i] = T.CreateTruncating(yi * scale);
                d.Values[i] = T.CreateTruncating(di);
            }
        }
        tape.Record(new MapWeightsOp<T>(w, y, d), y);
        return y;
    }


    // The reference path: binary search for the cell, the in-cell sigmoid in double.
    private static double Map(ReadOnlySpan<float> q, double x, WeightGradient mode, out double derivative)
    {
        double lo = q[0], hi = q[^1];
        var inside = x >= lo && x <= hi;
        var xc = Math.Clamp(x, lo, hi);
        int a = 0, b = q.Length - 2;
        while (a < b)
        {
            var mid = (a + b + 1) / 2;
            if (q[mid] <= xc) a = mid; else b = mid - 1;
        }
        double qj = q[a], qj1 = q[a + 1];
        var f = (xc - qj) / (qj1 - qj);
        var hard = f >= 0.5 ? qj1 : qj;
        if (!mode.IsRelaxed)
        {
            derivative = inside ? 1 : 0;
            return hard;
        }
        var s = RelaxedStep.Value(f, mode.Beta, out var ds);
        derivative = inside ? ds : 0;
        return mode.Beta >= RelaxedStep.HardBeta ? hard : qj + (qj1 - qj) * s;
    }
}

/// <summary>The weight-mapping op on a tape.</summary>
public static class MapWeightsExtensions
{
    /// <summary>
    /// The effective (device-mapped) weights w_max·map(w/w_max) on <paramref name="levels"/>, differentiated as
    /// <paramref name="mode"/> says. Same shape as <paramref name="w"/>.
    /// </summary>
    public static Tensor<T> MapWeights<T>(this Tape<T> tape, Tensor<T> w, LevelTable levels, T wMax, WeightGradient mode)
        where T : unmanaged, IFloatingPointIeee754<T> => MapWeightsOp<T>.Forward(tape, w, levels, wMax, mode);
}
