using System.Numerics;
using System.Runtime.InteropServices;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// a_q = step·clip(round(a/step), 0, 2^b − 1), step = range/(2^b − 1), relaxed or hard with STE
/// (<see cref="WeightGradient"/>); da += da_q ⊙ da_q/da (saved by the forward pass). float runs the fused kernel;
/// other types a scalar path in double.
/// </summary>
public sealed class QuantizeActivationsOp<T>(Tensor<T> a, Tensor<T> y, Tensor<T> derivative)
    : ElementwiseDerivativeOp<T>(a, y, derivative) where T : unmanaged, IFloatingPointIeee754<T>
{
    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> a, int bits, T range, WeightGradient mode)
    {
        ActivationQuantizer.Validate(bits, double.CreateTruncating(range));
        var y = tape.Output(a.Rows, a.Cols, a.RequiresGrad);
        var d = tape.Output(a.Rows, a.Cols, false);
        if (typeof(T) == typeof(float))
        {
            var af = MemoryMarshal.Cast<T, float>(a.Values);
            var yf = MemoryMarshal.Cast<T, float>(y.Values);
            var df = MemoryMarshal.Cast<T, float>(d.Values);
            var r = float.CreateTruncating(range);
            if (mode.IsRelaxed) ActivationQuantizer.Relaxed(af, bits, r, mode.Beta, yf, df, tape.Pool);
            else ActivationQuantizer.Ste(af, bits, r, yf, df, tape.Pool);
        }
        else
        {
            var steps = (1 << bits) - 1;
            var step = double.CreateTruncating(range) / steps;
            for (var i = 0; i < a.Length; i++)
            {
                var x = double.CreateTruncating(a.Values[i]) / step;
                var inside = x >= 0 && x <= steps;
                var xc = Math.Clamp(x, 0, steps);
                var j = Math.Min(Math.Floor(xc), steps - 1);
                var f = xc - j;
                var hard = f >= 0.5 ? j + 1 : j;
                double yi, di;
                if (!mode.IsRelaxed) (yi, di) = (hard, 1);
                else
                {
                    var s = RelaxedStep.Value(f, mode.Beta, out di);
                    yi = mode.Beta >= RelaxedStep.HardBeta ? hard : j + s;
                }
                y.Values[i] = T.CreateTruncating(yi * step);
                d.Values[i] = inside ? T.CreateTruncating(di) : T.Zero;
            }
        }
        tape.Record(new QuantizeActivationsOp<T>(a, y, d), y);
        return y;
    }

}

/// <summary>The activation-quantization op on a tape.</summary>
public static class QuantizeActivationsExtensions
{
    /// <summary>Uniform b-bit quantization of <paramref name="a"/> to [0, <paramref name="range"/>], differentiated as
    /// <paramref name="mode"/> says.</summary>
    public static Tensor<T> QuantizeActivations<T>(this Tape<T> tape, Tensor<T> a, int bits, T range, WeightGradient mode)
        where T : unmanaged, IFloatingPointIeee754<T> => QuantizeActivationsOp<T>.Forward(tape, a, bits, range, mode);
}
