using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>The pooling ops on a tape.</summary>
public static class PoolExtensions
{
    /// <summary>Pooling with shape <paramref name="geometry"/> and <paramref name="mode"/>, recorded for backprop.</summary>
    public static Tensor<T> Pool<T>(this Tape<T> tape, Tensor<T> x, PoolGeometry geometry, PoolMode mode)
        where T : unmanaged, IFloatingPointIeee754<T> => PoolOp<T>.Forward(tape, x, geometry, mode);

    /// <summary>Max pooling with shape <paramref name="geometry"/>, recorded for backprop.</summary>
    public static Tensor<T> MaxPool<T>(this Tape<T> tape, Tensor<T> x, PoolGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => PoolOp<T>.Forward(tape, x, geometry, PoolMode.Max);

    /// <summary>Average pooling with shape <paramref name="geometry"/>, recorded for backprop.</summary>
    public static Tensor<T> AvgPool<T>(this Tape<T> tape, Tensor<T> x, PoolGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => PoolOp<T>.Forward(tape, x, geometry, PoolMode.Average);
}
