using System.Numerics;
using System.Numerics.Tensors;

namespace HwDsl.Autodiff;

/// <summary>y = a + n with n a constant draw (noise injected in training): the gradient passes through unchanged, da += dy.</summary>
public sealed class AddNoiseOp<T>(Tensor<T> a, Tensor<T> y) : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> a, ReadOnlySpan<T> noise)
    {
        if (noise.Length != a.Length) throw new ArgumentException($"{noise.Length} noise values for a {a.Rows}×{a.Cols} tensor.", nameof(noise));
        var y = tape.Output(a.Rows, a.Cols, a.RequiresGrad);
        TensorPrimitives.Add(a.Values, noise, y.Values);
        tape.Record(new AddNoiseOp<T>(a, y), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var da = tape.GradientOf(a);
        if (!da.IsEmpty) TensorPrimitives.Add<T>(da, y.Gradient, da);
    }
}

/// <summary>Noise injection on a tape.</summary>
public static class AddNoiseExtensions
{
    /// <summary>y = a + <paramref name="noise"/>, the gradient passed through unchanged.</summary>
    public static Tensor<T> AddNoise<T>(this Tape<T> tape, Tensor<T> a, ReadOnlySpan<T> noise)
        where T : unmanaged, IFloatingPointIeee754<T> => AddNoiseOp<T>.Forward(tape, a, noise);
}
