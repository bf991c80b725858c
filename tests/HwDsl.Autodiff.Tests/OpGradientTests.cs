using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

public sealed class OpGradientTests
{
    // Every element compared agrees with central finite differences within the tolerance; the message names the worst one.
    private static void AssertGradients(GradientReport report) => Assert.True(report.Agrees, report.ToString());

    private static readonly SeededRandom Rng = new(42);

    // Samples that keep a finite difference away from a kink at 0 (ReLU) or at the clip bounds.
    private static double AwayFromZero(SeededRandom r) => (0.05 + r.NextDouble()) * (r.NextDouble() < 0.5 ? -1 : 1);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 4)]
    [InlineData(7, 2, 9)]
    public void Dense_with_bias(int batch, int inputs, int outputs)
    {
        var x = GradientCheck.Random(batch, inputs, Rng);
        var w = GradientCheck.Random(inputs, outputs, Rng);
        var b = GradientCheck.Random(1, outputs, Rng);
        AssertGradients(GradientCheck.Compare(t => t.Dense(x, w, b), [x, w, b]));
    }

    [Fact]
    public void Dense_without_bias()
    {
        var x = GradientCheck.Random(4, 3, Rng);
        var w = GradientCheck.Random(3, 6, Rng);
        AssertGradients(GradientCheck.Compare(t => t.Dense(x, w), [x, w]));
    }

    [Fact]
    public void Relu() { var x = GradientCheck.Random(5, 7, Rng, AwayFromZero); AssertGradients(GradientCheck.Compare(t => t.Relu(x), [x])); }

    [Fact]
    public void Tanh() { var x = GradientCheck.Random(5, 7, Rng); AssertGradients(GradientCheck.Compare(t => t.Tanh(x), [x])); }

    [Fact]
    public void Sigmoid() { var x = GradientCheck.Random(5, 7, Rng); AssertGradients(GradientCheck.Compare(t => t.Sigmoid(x), [x])); }

    [Fact]
    public void HardClip()
    {
        // Values spread over [-2, 2] with none within 0.05 of the bounds -0.5 and 1.
        var x = GradientCheck.Random(6, 9, Rng, r =>
        {
            double v;
            do v = 4 * r.NextDouble() - 2; while (Math.Abs(v + 0.5) < 0.05 || Math.Abs(v - 1) < 0.05);
            return v;
        });
        AssertGradients(GradientCheck.Compare(t => t.HardClip(x, -0.5, 1.0), [x]));
    }

    [Fact]
    public void Softmax_cross_entropy()
    {
        var z = GradientCheck.Random(6, 10, Rng, r => 3 * r.NextNormal());
        int[] labels = [0, 3, 9, 9, 4, 1];
        AssertGradients(GradientCheck.Compare(t => t.SoftmaxCrossEntropy(z, labels, out _), [z]));
    }

    [Fact]
    public void Composite_mlp_reuses_a_tensor_and_accumulates_gradients()
    {
        // x feeds two branches, so its gradient is the sum of both: checks accumulation on the tape.
        var x = GradientCheck.Random(4, 5, Rng);
        var w1 = GradientCheck.Random(5, 6, Rng);
        var b1 = GradientCheck.Random(1, 6, Rng);
        var w2 = GradientCheck.Random(5, 6, Rng);
        var w3 = GradientCheck.Random(6, 3, Rng);
        int[] labels = [2, 0, 1, 1];
        AssertGradients(GradientCheck.Compare(t =>
        {
            var h = t.Tanh(t.Dense(x, w1, b1));
            var g = t.Sigmoid(t.Dense(x, w2));
            var s = t.Dense(h, w3);
            var u = t.Dense(g, w3);
            return t.SoftmaxCrossEntropy(s, labels, out _) is var l1 && t.SoftmaxCrossEntropy(u, labels, out _) is var l2
                ? Sum(t, l1, l2) : throw new InvalidOperationException();
        }, [x, w1, b1, w2, w3]));
    }

    private static Tensor<double> Sum(Tape<double> t, Tensor<double> a, Tensor<double> b)
    {
        // a + b through a 2×1 · 1×1 product would do; a dense with unit weights keeps it within the op set.
        var ones = Tensor<double>.Constant([1.0], 1, 1);
        return t.Dense(a, ones, b);
    }
}
