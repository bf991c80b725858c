using System.Numerics;
using System.Runtime.InteropServices;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// W_eff = w_max · R(S(W / w_max)): weights to (relaxed or rounded) intended levels to the device's effective weights,
/// fused (<see cref="UniformDeviceMapper"/>); backward dW += dW_eff ⊙ the saved derivative. For float; other types take
/// the composed reference path (<see cref="MapWeightsExtensions.MapWeights{T}"/> then
/// <see cref="DeviceResponseExtensions.DeviceResponse{T}"/>), which the tests compare it against.
/// </summary>
public sealed class MapToDeviceOp<T>(Tensor<T> w, Tensor<T> y, Tensor<T> derivative)
    : ElementwiseDerivativeOp<T>(w, y, derivative) where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> w, DeviceResponse response, LevelTable programming, T wMax, WeightGradient mode)
    {
        if (typeof(T) != typeof(float))
            return tape.DeviceResponse(tape.MapWeights(w, programming, wMax, mode), response, wMax);
        var y = tape.Output(w.Rows, w.Cols, w.RequiresGrad);
        var d = tape.Output(w.Rows, w.Cols, false);
        var wf = MemoryMarshal.Cast<T, float>(w.Values);
        var yf = MemoryMarshal.Cast<T, float>(y.Values);
        var df = MemoryMarshal.Cast<T, float>(d.Values);
        var scale = float.CreateTruncating(wMax);
        if (mode.IsRelaxed) UniformDeviceMapper.Relaxed(response, wf, scale, mode.Beta, yf, df, tape.Pool);
        else UniformDeviceMapper.Ste(response, wf, scale, yf, df, tape.Pool);
        tape.Record(new MapToDeviceOp<T>(w, y, d), y);
        return y;
    }

}

/// <summary>The fused weight → device op on a tape.</summary>
public static class MapToDeviceExtensions
{
    /// <summary>
    /// Effective weights of a hardware layer: <paramref name="programming"/> must be the even grid of
    /// <paramref name="response"/> (its intended levels).
    /// </summary>
    public static Tensor<T> MapToDevice<T>(this Tape<T> tape, Tensor<T> w, DeviceResponse response, LevelTable programming, T wMax, WeightGradient mode)
        where T : unmanaged, IFloatingPointIeee754<T> => MapToDeviceOp<T>.Forward(tape, w, response, programming, wMax, mode);
}
