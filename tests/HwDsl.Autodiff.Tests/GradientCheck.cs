using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

/// <summary>L = Σ y ⊙ R for a fixed random R: turns any op's output into a scalar whose gradient is R.
/// Defined here, outside the library, on purpose: new ops plug into the tape the same way.</summary>
internal sealed class ProjectOp(Tensor<double> y, double[] r, Tensor<double> loss) : TapeOp<double>
{
    public static Tensor<double> Forward(Tape<double> tape, Tensor<double> y, double[] r)
    {
        var loss = tape.Output(1, 1, y.RequiresGrad);
        var s = 0.0;
        for (var i = 0; i < y.Length; i++) s += y.Values[i] * r[i];
        loss.Values[0] = s;
        tape.Record(new ProjectOp(y, r, loss), loss);
        return loss;
    }

    public override void Backward(Tape<double> tape)
    {
        var dy = tape.GradientOf(y);
        for (var i = 0; i < dy.Length; i++) dy[i] += loss.Gradient[0] * r[i];
    }
}

/// <summary>Central finite differences in double against the tape's analytic gradients.</summary>
internal static class GradientCheck
{
    public static Tensor<double> Random(int rows, int cols, SeededRandom rng, Func<SeededRandom, double>? sample = null)
    {
        var t = Tensor<double>.Parameter(rows, cols);
        for (var i = 0; i < t.Length; i++) t.Values[i] = sample?.Invoke(rng) ?? rng.NextNormal();
        return t;
    }

    /// <summary>Compares dL/dθ from backprop with (L(θ+h) − L(θ−h))/2h for every element of every input; the test asserts on the report.</summary>
    public static GradientReport Compare(Func<Tape<double>, Tensor<double>> forward, IReadOnlyList<Tensor<double>> inputs, int seed = 1,
        double h = 1e-6, double tolerance = 1e-6)
    {
        var tape = new Tape<double>(new MacPool(1));
        var probe = forward(tape);
        var rng = new SeededRandom((ulong)seed);
        var r = new double[probe.Length];
        for (var i = 0; i < r.Length; i++) r[i] = rng.NextNormal();
        tape.Reset();

        foreach (var p in inputs) p.Gradient.Clear();
        var loss = ProjectOp.Forward(tape, forward(tape), r);
        tape.Backward(loss);
        var analytic = inputs.Select(p => p.Gradient.ToArray()).ToList();
        tape.Reset();

        double Loss()
        {
            tape.Recording = false;
            var value = ProjectOp.Forward(tape, forward(tape), r).Values[0];
            tape.Reset();
            tape.Recording = true;
            return value;
        }

        var report = new GradientReport(tolerance);
        for (var k = 0; k < inputs.Count; k++)
        {
            var values = inputs[k].Values;
            for (var i = 0; i < values.Length; i++)
            {
                var saved = values[i];
                values[i] = saved + h;
                var plus = Loss();
                values[i] = saved - h;
                var minus = Loss();
                values[i] = saved;
                var numeric = (plus - minus) / (2 * h);
                var a = analytic[k][i];
                report.Add(k, i, a, numeric);
            }
        }
        return report;
    }
}

/// <summary>How backprop and finite differences agreed: elements compared and the worst relative error (scale max(1, |g|)).</summary>
internal sealed class GradientReport(double tolerance)
{
    public int Compared { get; private set; }

    public double WorstError { get; private set; }

    private string _worst = "nothing compared";

    public void Add(int input, int element, double backprop, double numeric)
    {
        Compared++;
        var error = Math.Abs(backprop - numeric) / Math.Max(1.0, Math.Max(Math.Abs(backprop), Math.Abs(numeric)));
        if (Compared > 1 && error <= WorstError) return;
        WorstError = error;
        _worst = $"input {input}, element {element}: backprop {backprop:R}, finite difference {numeric:R}";
    }

    /// <summary>At least one element compared and every one within the tolerance.</summary>
    public bool Agrees => Compared > 0 && WorstError <= tolerance;

    public override string ToString() => $"{Compared} elements, worst relative error {WorstError:E2} (tolerance {tolerance:E1}) at {_worst}";
}
