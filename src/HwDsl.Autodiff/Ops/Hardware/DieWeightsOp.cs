using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// The effective weights of one die: w = α·(k ⊙ v + o), v the ideal weight states (±1 from a sign, or any value),
/// k and o per weight from the die's device map (k = 1, o = 0 for ideal devices; k = 0 for a weight whose devices are
/// stuck, so it ignores v and passes no gradient), α a learned 1×1 scale. Backward: dv += α·k·dy, dα += Σ dy·(k v + o).
/// </summary>
public sealed class DieWeightsOp<T>(Tensor<T> v, Tensor<T> alpha, T[] k, T[] o, Tensor<T> w) : TapeOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> v, Tensor<T> alpha, T[] k, T[] o)
    {
        if (alpha.Length != 1) throw new ArgumentException($"die weights: the scale must be 1×1; got {alpha.Rows}×{alpha.Cols}.");
        if (k.Length < v.Length || o.Length < v.Length)
            throw new ArgumentException($"die weights: the die map holds {Math.Min(k.Length, o.Length)} weights; the layer has {v.Length}.");
        var w = tape.Output(v.Rows, v.Cols, v.RequiresGrad || alpha.RequiresGrad);
        var a = alpha.Values[0];
        var vs = v.Values;
        var ws = w.Values;
        for (var i = 0; i < vs.Length; i++) ws[i] = a * (k[i] * vs[i] + o[i]);
        tape.Record(new DieWeightsOp<T>(v, alpha, k, o, w), w);
        return w;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dy = w.Gradient;
        var vs = v.Values;
        var dv = tape.GradientOf(v);
        var a = alpha.Values[0];
        if (!dv.IsEmpty)
            for (var i = 0; i < dv.Length; i++) dv[i] += a * k[i] * dy[i];
        var da = tape.GradientOf(alpha);
        if (!da.IsEmpty)
        {
            var sum = T.Zero;
            for (var i = 0; i < vs.Length; i++) sum += dy[i] * (k[i] * vs[i] + o[i]);
            da[0] += sum;
        }
    }
}

/// <summary>The die-weights op on a tape.</summary>
public static class DieWeightsExtensions
{
    /// <summary>w = α·(k ⊙ v + o): ideal weight states through one die's devices, scaled.</summary>
    public static Tensor<T> DieWeights<T>(this Tape<T> tape, Tensor<T> v, Tensor<T> alpha, T[] k, T[] o)
        where T : unmanaged, IFloatingPointIeee754<T> => DieWeightsOp<T>.Forward(tape, v, alpha, k, o);
}
