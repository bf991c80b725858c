using System.Numerics;
using System.Runtime.InteropServices;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// y = w_max · R(u / w_max), the device's effective weight for a (relaxed) programmed level u; backward
/// du += dy · slope of the cell u falls in. Follows <see cref="MapWeightsExtensions.MapWeights{T}"/> on the uniform
/// programming grid, so that weights → levels → conductances → effective weights is one differentiable chain.
/// </summary>
public sealed class DeviceResponseOp<T>(Tensor<T> u, Tensor<T> y, Tensor<T> slope)
    : ElementwiseDerivativeOp<T>(u, y, slope) where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> u, DeviceResponse response, T wMax)
    {
        ArgumentNullException.ThrowIfNull(response);
        var y = tape.Output(u.Rows, u.Cols, u.RequiresGrad);
        var slope = tape.Output(u.Rows, u.Cols, false);
        if (typeof(T) == typeof(float))
            response.Apply(MemoryMarshal.Cast<T, float>(u.Values), float.CreateTruncating(wMax), MemoryMarshal.Cast<T, float>(y.Values), MemoryMarshal.Cast<T, float>(slope.Values));
        else
        {
            // The same piecewise-linear curve in T (double for gradient checks).
            var q = response.Levels;
            var last = q.Length - 2;
            for (var i = 0; i < u.Length; i++)
            {
                var x = T.Clamp((u.Values[i] / wMax - T.CreateTruncating(response.First)) / T.CreateTruncating(response.Step), T.Zero, T.CreateTruncating(last + 1));
                var knot = T.Round(x);
                if (T.Abs(x - knot) < T.CreateTruncating(1e-5)) x = knot;
                var j = Math.Min(int.CreateTruncating(x), last);
                var rise = T.CreateTruncating(q[j + 1]) - T.CreateTruncating(q[j]);
                y.Values[i] = wMax * (T.CreateTruncating(q[j]) + (x - T.CreateTruncating(j)) * rise);
                slope.Values[i] = rise / T.CreateTruncating(response.Step);
            }
        }
        tape.Record(new DeviceResponseOp<T>(u, y, slope), y);
        return y;
    }

}

/// <summary>The device-response op on a tape.</summary>
public static class DeviceResponseExtensions
{
    /// <summary>Maps programmed levels (weight units) to the device's effective weights.</summary>
    public static Tensor<T> DeviceResponse<T>(this Tape<T> tape, Tensor<T> u, DeviceResponse response, T wMax)
        where T : unmanaged, IFloatingPointIeee754<T> => DeviceResponseOp<T>.Forward(tape, u, response, wMax);
}
