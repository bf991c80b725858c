using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// A DAC with a learned range b (one trainable scalar): u = x/b clipped to [lo, 1] (lo = 0 unsigned, −1 signed), quantized
/// to <c>steps</c> equal cells (hard with a straight-through gradient, or relaxed, <see cref="WeightGradient"/>), y = b·q(u).
/// Backward: ∂y/∂x = q′(u) inside (lo, 1), 0 outside; ∂y/∂b = q(u_c) − [inside]·u·q′(u) — 1 where the input clips at the top
/// (PACT), q(u) − u inside (LSQ) with the straight-through q′ = 1. Float bits of 0 mean no quantization (q = identity).
/// </summary>
public sealed class ClipQuantizeOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _b, _y, _dx, _db;

    private ClipQuantizeOp(Tensor<T> x, Tensor<T> b, Tensor<T> y, Tensor<T> dx, Tensor<T> db) => (_x, _b, _y, _dx, _db) = (x, b, y, dx, db);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, Tensor<T> b, int bits, bool signed, WeightGradient mode)
    {
        if (b.Length != 1) throw new ArgumentException($"the range is one scalar; got {b.Rows}×{b.Cols}.", nameof(b));
        var range = double.CreateTruncating(b.Values[0]);
        if (!(range > 0) || !double.IsFinite(range)) throw new ArgumentOutOfRangeException(nameof(b), $"the learned input range must stay finite and > 0; it is {range}.");
        var lo = signed ? -1.0 : 0.0;
        var steps = bits == 0 ? 0 : signed ? Math.Max(1, (1 << bits) - 2) : (1 << bits) - 1;
        var du = steps == 0 ? 0 : (1 - lo) / steps;
        var y = tape.Output(x.Rows, x.Cols, x.RequiresGrad || b.RequiresGrad);
        var dx = tape.Output(x.Rows, x.Cols, false);
        var db = tape.Output(x.Rows, x.Cols, false);
        for (var i = 0; i < x.Length; i++)
        {
            var u = double.CreateTruncating(x.Values[i]) / range;
            var inside = u > lo && u < 1;
            var uc = Math.Clamp(u, lo, 1);
            double q, dq;
            if (steps == 0) (q, dq) = (uc, 1);
            else
            {
                var t = (uc - lo) / du;
                var j = Math.Min(Math.Floor(t), steps - 1);
                var f = t - j;
                if (!mode.IsRelaxed) (q, dq) = (lo + du * (f >= 0.5 ? j + 1 : j), 1);
                else
                {
                    var s = RelaxedStep.Value(f, mode.Beta, out dq);
                    q = lo + du * (mode.Beta >= RelaxedStep.HardBeta ? (f >= 0.5 ? j + 1 : j) : j + s);
                }
            }
            y.Values[i] = T.CreateTruncating(range * q);
            dx.Values[i] = inside ? T.CreateTruncating(dq) : T.Zero;
            db.Values[i] = T.CreateTruncating(q - (inside ? u * dq : 0));
        }
        tape.Record(new ClipQuantizeOp<T>(x, b, y, dx, db), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dy = _y.Gradient;
        var gx = tape.GradientOf(_x);
        if (!gx.IsEmpty) for (var i = 0; i < gx.Length; i++) gx[i] += dy[i] * _dx.Values[i];
        var gb = tape.GradientOf(_b);
        if (gb.IsEmpty) return;
        var sum = T.Zero;
        for (var i = 0; i < dy.Length; i++) sum += dy[i] * _db.Values[i];
        gb[0] += sum;
    }
}

/// <summary>The learned-range DAC on a tape.</summary>
public static class ClipQuantizeExtensions
{
    /// <summary>y = b·q(clip(x/b, lo, 1)) with a trainable range <paramref name="range"/> (1×1); <paramref name="bits"/> 0 for no quantization.</summary>
    public static Tensor<T> ClipQuantize<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> range, int bits, bool signed, WeightGradient mode)
        where T : unmanaged, IFloatingPointIeee754<T> => ClipQuantizeOp<T>.Forward(tape, x, range, bits, signed, mode);
}
