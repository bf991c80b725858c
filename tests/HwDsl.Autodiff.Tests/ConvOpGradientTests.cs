using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

public sealed class ConvOpGradientTests
{
    private static void AssertGradients(GradientReport report) => Assert.True(report.Agrees, report.ToString());

    private static readonly SeededRandom Rng = new(15);

    [Theory]
    [InlineData(1, 5, 5, 2, 3, 1, 0, 2)]
    [InlineData(2, 6, 5, 3, 3, 2, 1, 3)]
    [InlineData(3, 4, 4, 2, 1, 1, 0, 2)]
    [InlineData(2, 3, 4, 2, 4, 1, 2, 1)]
    [InlineData(2, 7, 7, 4, 3, 3, 1, 2)]
    public void Conv2d(int c, int h, int w, int f, int k, int s, int p, int batch)
    {
        var g = new ConvGeometry(c, h, w, f, k, s, p);
        var x = GradientCheck.Random(batch, g.InputSize, Rng);
        var wt = GradientCheck.Random(g.PatchSize, f, Rng);
        var b = GradientCheck.Random(1, f, Rng);
        AssertGradients(GradientCheck.Compare(t => t.Conv2d(x, wt, b, g), [x, wt, b]));
        AssertGradients(GradientCheck.Compare(t => t.Conv2d(x, wt, null, g), [x, wt]));
    }

    [Theory]
    [InlineData(1, 5, 5, 2, 3, 1, 0, 2)]
    [InlineData(2, 6, 5, 3, 3, 2, 1, 3)]
    [InlineData(2, 3, 4, 2, 4, 1, 2, 1)]
    [InlineData(2, 7, 7, 4, 3, 3, 1, 2)]
    public void Patch_rows_and_images_from_positions(int c, int h, int w, int f, int k, int s, int p, int batch)
    {
        // The crossbar's way of convolving: every receptive field a row, times the kernel matrix, back to images.
        var g = new ConvGeometry(c, h, w, f, k, s, p);
        var x = GradientCheck.Random(batch, g.InputSize, Rng);
        var wt = GradientCheck.Random(g.PatchSize, f, Rng);
        var b = GradientCheck.Random(1, f, Rng);
        AssertGradients(GradientCheck.Compare(t => t.PatchRows(x, g), [x]));
        var rows = GradientCheck.Random(batch * g.Positions, f, Rng);
        AssertGradients(GradientCheck.Compare(t => t.ImagesFromPositions(rows, g), [rows]));
        AssertGradients(GradientCheck.Compare(t => t.ImagesFromPositions(t.Dense(t.PatchRows(x, g), wt, b), g), [x, wt, b]));

        // ... and it is the convolution.
        var tape = new Tape<double>(new MacPool(1));
        var viaRows = tape.ImagesFromPositions(tape.Dense(tape.PatchRows(x, g), wt, b), g).Values.ToArray();
        var direct = tape.Conv2d(x, wt, b, g).Values.ToArray();
        Assert.Equal(direct.Length, viaRows.Length);
        for (var i = 0; i < direct.Length; i++) Assert.Equal(direct[i], viaRows[i], 12);
    }

    [Fact]
    public void Patch_rows_hold_the_fields_with_zero_padding()
    {
        // One 1×3×3 image 1..9, a 2×2 kernel, padding 1, stride 2: positions (0,0), (0,1), (1,0), (1,1) of a 2×2 output.
        var g = new ConvGeometry(1, 3, 3, 1, 2, 2, 1);
        var tape = new Tape<double>(new MacPool(1));
        var x = tape.Input([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 9);
        Assert.Equal([0, 0, 0, 1, 0, 0, 2, 3, 0, 4, 0, 7, 5, 6, 8, 9], tape.PatchRows(x, g).Values.ToArray());
        var rows = tape.Input([1, 10, 2, 20, 3, 30, 4, 40], 4, 2);
        Assert.Equal([1, 2, 3, 4, 10, 20, 30, 40], tape.ImagesFromPositions(rows, new ConvGeometry(1, 3, 3, 2, 2, 2, 1)).Values.ToArray());
        Assert.Throws<ArgumentException>(() => tape.ImagesFromPositions(tape.Input(new double[6], 3, 2), new ConvGeometry(1, 3, 3, 2, 2, 2, 1)));
    }

    // Distinct values at least 0.01 apart in random order: no window has a near-tie that a step of 1e-6 could flip.
    private static Tensor<double> Distinct(int rows, int cols, int seed)
    {
        var t = Tensor<double>.Parameter(rows, cols);
        var order = Enumerable.Range(0, t.Length).OrderBy(_ => Rng.NextDouble()).ToArray();
        for (var i = 0; i < t.Length; i++) t.Values[i] = 0.01 * order[i] - 0.005 * t.Length + seed;
        return t;
    }

    [Theory]
    [InlineData(2, 4, 4, 2, 2, 3)]
    [InlineData(1, 5, 7, 3, 2, 2)]
    [InlineData(3, 6, 6, 3, 3, 1)]
    public void MaxPool(int c, int h, int w, int size, int stride, int batch)
    {
        var g = new PoolGeometry(c, h, w, size, stride);
        var x = Distinct(batch, g.InputSize, 0);
        AssertGradients(GradientCheck.Compare(t => t.MaxPool(x, g), [x]));
    }

    [Theory]
    [InlineData(2, 4, 4, 2, 2, 3)]
    [InlineData(1, 5, 7, 3, 2, 2)]
    public void AvgPool(int c, int h, int w, int size, int stride, int batch)
    {
        var g = new PoolGeometry(c, h, w, size, stride);
        var x = GradientCheck.Random(batch, g.InputSize, Rng);
        AssertGradients(GradientCheck.Compare(t => t.AvgPool(x, g), [x]));
    }

    [Fact]
    public void Small_lenet_end_to_end()
    {
        // conv → tanh → max pool → conv → avg pool → dense → softmax cross-entropy: the chain's gradients, the input's
        // included, match finite differences (tanh keeps the max pool's inputs distinct almost surely).
        var g1 = new ConvGeometry(1, 8, 8, 3, 3, 1, 1);
        var p1 = new PoolGeometry(3, 8, 8, 2, 2);
        var g2 = new ConvGeometry(3, 4, 4, 4, 3, 1, 0);
        var p2 = new PoolGeometry(4, 2, 2, 2, 2);
        var x = GradientCheck.Random(3, g1.InputSize, Rng);
        var w1 = GradientCheck.Random(g1.PatchSize, 3, Rng);
        var b1 = GradientCheck.Random(1, 3, Rng);
        var w2 = GradientCheck.Random(g2.PatchSize, 4, Rng);
        var w3 = GradientCheck.Random(p2.OutputSize, 5, Rng);
        int[] labels = [1, 4, 0];
        AssertGradients(GradientCheck.Compare(t =>
        {
            var h = t.MaxPool(t.Tanh(t.Conv2d(x, w1, b1, g1)), p1);
            var z = t.Dense(t.AvgPool(t.Conv2d(h, w2, null, g2), p2), w3);
            return t.SoftmaxCrossEntropy(z, labels, out _);
        }, [x, w1, b1, w2, w3]));
    }

    [Fact]
    public void Float_path_matches_the_double_reference()
    {
        // LeNet-5's first layers at batch 20 on the fp32 MAC core against the same values in double.
        var g1 = new ConvGeometry(1, 28, 28, 6, 5, 1, 2);
        var p1 = new PoolGeometry(6, 28, 28, 2, 2);
        var g2 = new ConvGeometry(6, 14, 14, 16, 5, 1, 0);
        var p2 = new PoolGeometry(16, 10, 10, 2, 2);
        var rng = new SeededRandom(8);
        var shapes = new[] { (20, g1.InputSize), (g1.PatchSize, 6), (1, 6), (g2.PatchSize, 16), (1, 16), (p2.OutputSize, 10) };
        var floats = shapes.Select(s => Tensor<float>.Parameter(s.Item1, s.Item2)).ToArray();
        var doubles = shapes.Select(s => Tensor<double>.Parameter(s.Item1, s.Item2)).ToArray();
        for (var k = 0; k < floats.Length; k++)
            for (var i = 0; i < floats[k].Length; i++)
            {
                var v = (float)(rng.NextNormal() * (k == 0 ? 1 : 0.3));
                floats[k].Values[i] = v;
                doubles[k].Values[i] = v;
            }
        var labels = Enumerable.Range(0, 20).Select(i => i % 10).ToArray();

        Tensor<TT> Forward<TT>(Tape<TT> t, Tensor<TT>[] p) where TT : unmanaged, System.Numerics.IFloatingPointIeee754<TT>
        {
            var h = t.MaxPool(t.Relu(t.Conv2d(p[0], p[1], p[2], g1)), p1);
            var u = t.AvgPool(t.Relu(t.Conv2d(h, p[3], p[4], g2)), p2);
            return t.SoftmaxCrossEntropy(t.Dense(u, p[5]), labels, out _);
        }
        using var pool = new MacPool(2);
        var tf = new Tape<float>(pool);
        var td = new Tape<double>(new MacPool(1));
        var lf = Forward(tf, floats);
        var ld = Forward(td, doubles);
        tf.Backward(lf);
        td.Backward(ld);
        Assert.Equal(ld.Values[0], lf.Values[0], 1e-4);
        for (var k = 0; k < floats.Length; k++)
        {
            var scale = doubles[k].Gradient.ToArray().Max(Math.Abs);
            for (var i = 0; i < floats[k].Length; i++)
                Assert.True(Math.Abs(floats[k].Gradient[i] - doubles[k].Gradient[i]) <= 1e-4 * scale + 1e-7,
                    $"parameter {k}, element {i}: float {floats[k].Gradient[i]} vs double {doubles[k].Gradient[i]} (scale {scale})");
        }
    }

    [Fact]
    public void Shape_mistakes_are_refused()
    {
        var tape = new Tape<float>(new MacPool(1));
        var g = new ConvGeometry(1, 5, 5, 2, 3);
        var x = tape.Input(new float[2 * 24], 2, 24);
        Assert.Throws<ArgumentException>(() => tape.Conv2d(x, Tensor<float>.Parameter(9, 2), null, g));
        var good = tape.Input(new float[50], 2, 25);
        Assert.Throws<ArgumentException>(() => tape.Conv2d(good, Tensor<float>.Parameter(2, 9), null, g));
        Assert.Throws<ArgumentException>(() => tape.MaxPool(x, new PoolGeometry(1, 5, 5, 2, 1)));
    }
}
