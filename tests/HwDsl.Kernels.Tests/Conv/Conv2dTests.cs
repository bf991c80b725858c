using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

public sealed class Conv2dTests
{
    // Stride 1 and larger, padding, non-square images, a kernel as large as the padded input, 1×1 (no patch matrix),
    // one channel and many, and LeNet-5's two layers.
    public static readonly TheoryData<int, int, int, int, int, int, int, int> Shapes = new()
    {
        { 1, 5, 5, 1, 3, 1, 0, 1 },
        { 2, 7, 6, 3, 3, 1, 1, 3 },
        { 3, 9, 11, 4, 3, 2, 1, 5 },
        { 2, 8, 8, 5, 4, 3, 2, 2 },
        { 1, 4, 3, 2, 5, 1, 1, 2 },   // 5×5 kernel over a 4×3 image padded to 6×5: 2×1 outputs
        { 3, 6, 5, 7, 1, 1, 0, 4 },   // pointwise
        { 4, 6, 6, 2, 1, 2, 0, 3 },   // 1×1 with stride: through the patch matrix
        { 1, 3, 3, 2, 7, 1, 2, 2 },   // padding larger than half the image: rows and columns entirely in the padding
        { 8, 5, 7, 13, 3, 1, 2, 2 },  // more than 6 filters and channels: several register blocks both ways
        { 7, 3, 17, 1, 2, 1, 1, 3 },
        { 2, 4, 4, 3, 2, 1, 3, 2 },   // padding larger than the kernel: whole rows of zeros around the image
        { 1, 28, 28, 6, 5, 1, 2, 3 },
        { 6, 14, 14, 16, 5, 1, 0, 2 },
    };

    private static ConvGeometry G(int c, int h, int w, int f, int k, int s, int p) => new(c, h, w, f, k, s, p);

    // Each case runs on the path the machine picks (direct correlation for stride 1 on AVX2) and on patches + GEMM.
    private static void BothPaths(Action run)
    {
        run();
        Conv2d.PatchMatrixOnly = true;
        try { run(); }
        finally { Conv2d.PatchMatrixOnly = false; }
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Forward_matches_the_direct_sums(int c, int h, int w, int f, int k, int s, int p, int batch) =>
        BothPaths(() => ForwardCase(c, h, w, f, k, s, p, batch));

    private static void ForwardCase(int c, int h, int w, int f, int k, int s, int p, int batch)
    {
        var t = ConvCase.Make(c * 100 + k, G(c, h, w, f, k, s, p), batch);
        var (reference, scale) = t.ReferenceForward();
        t.AssertClose("y", t.Forward(), reference, scale);
        var (noBias, noBiasScale) = t.ReferenceForward(bias: false);
        t.AssertClose("y (no bias)", t.Forward(bias: false), noBias, noBiasScale);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Backward_matches_the_direct_sums_and_adds_to_the_gradients(int c, int h, int w, int f, int k, int s, int p, int batch) =>
        BothPaths(() => BackwardCase(c, h, w, f, k, s, p, batch));

    private static void BackwardCase(int c, int h, int w, int f, int k, int s, int p, int batch)
    {
        var t = ConvCase.Make(c * 10 + f, G(c, h, w, f, k, s, p), batch);
        var (reference, scale) = t.ReferenceBackward();
        var (dx, dw, db) = t.Backward();
        t.AssertClose("dx", dx, reference.Dx, scale.Dx);
        t.AssertClose("dW", dw, reference.Dw, scale.Dw);
        t.AssertClose("db", db, reference.Db, scale.Db);

        var random = new Random(5);
        var start = (GemmTestSupport.RandomArray(random, dx.Length), GemmTestSupport.RandomArray(random, dw.Length), GemmTestSupport.RandomArray(random, db.Length));
        var (dx2, dw2, db2) = t.Backward(start: start);
        t.AssertClose("dx (added)", dx2, reference.Dx, scale.Dx, Array.ConvertAll(start.Item1, v => (double)v));
        t.AssertClose("dW (added)", dw2, reference.Dw, scale.Dw, Array.ConvertAll(start.Item2, v => (double)v));
        t.AssertClose("db (added)", db2, reference.Db, scale.Db, Array.ConvertAll(start.Item3, v => (double)v));
    }

    [Fact]
    public void Double_path_agrees_with_the_direct_sums_to_rounding()
    {
        var g = G(3, 9, 8, 4, 3, 2, 1);
        var t = ConvCase.Make(3, g, 5);
        double[] x = Array.ConvertAll(t.X, v => (double)v), w = Array.ConvertAll(t.W, v => (double)v), b = Array.ConvertAll(t.B, v => (double)v);
        double[] dy = Array.ConvertAll(t.Dy, v => (double)v);
        var y = new double[5 * g.OutputSize];
        Conv2d.Forward<double>(x, w, b, y, 5, g);
        var (reference, _) = t.ReferenceForward();
        for (var i = 0; i < y.Length; i++) Assert.Equal(reference[i], y[i], 1e-12);

        double[] dx = new double[x.Length], dw = new double[w.Length], db = new double[b.Length];
        Conv2d.Backward<double>(x, w, dy, dx, dw, db, 5, g);
        var (expected, _) = t.ReferenceBackward();
        for (var i = 0; i < dx.Length; i++) Assert.Equal(expected.Dx[i], dx[i], 1e-12);
        for (var i = 0; i < dw.Length; i++) Assert.Equal(expected.Dw[i], dw[i], 1e-12);
        for (var i = 0; i < db.Length; i++) Assert.Equal(expected.Db[i], db[i], 1e-12);
    }

    [Theory]
    [InlineData(1, 28, 28, 6, 5, 1, 2, 100)]
    [InlineData(6, 14, 14, 16, 5, 1, 0, 100)]
    [InlineData(3, 32, 32, 8, 3, 2, 1, 37)]
    [InlineData(16, 12, 12, 24, 1, 1, 0, 61)]
    public void Results_are_bit_identical_for_any_thread_count(int c, int h, int w, int f, int k, int s, int p, int batch) =>
        BothPaths(() => ThreadCase(c, h, w, f, k, s, p, batch));

    private static void ThreadCase(int c, int h, int w, int f, int k, int s, int p, int batch)
    {
        var t = ConvCase.Make(11, G(c, h, w, f, k, s, p), batch);
        Assert.True(batch * t.G.MacsPerImage >= 1 << 20, "the case must be large enough to run in parallel");
        using var one = new MacPool(1);
        using var two = new MacPool(2);
        using var three = new MacPool(3);
        var y = t.Forward(one);
        var (dx, dw, db) = t.Backward(one);
        foreach (var pool in new[] { two, three, two })
        {
            Assert.Equal(y, t.Forward(pool));
            var (dx2, dw2, db2) = t.Backward(pool);
            Assert.Equal(dx, dx2);
            Assert.Equal(dw, dw2);
            Assert.Equal(db, db2);
        }
    }

    [Fact]
    public void Empty_gradient_spans_are_skipped()
    {
        var g = G(2, 6, 6, 3, 3, 1, 1);
        var t = ConvCase.Make(2, g, 4);
        var (full, _) = t.ReferenceBackward();
        var dw = new float[t.W.Length];
        Conv2d.Backward<float>(t.X, t.W, t.Dy, default, dw, default, 4, g);
        for (var i = 0; i < dw.Length; i++) Assert.Equal(full.Dw[i], dw[i], 1e-4);
        var dx = new float[t.X.Length];
        Conv2d.Backward<float>(t.X, t.W, t.Dy, dx, default, default, 4, g);
        for (var i = 0; i < dx.Length; i++) Assert.Equal(full.Dx[i], dx[i], 1e-4);
    }

    [Fact]
    public void Patch_matrix_and_fold_are_adjoint()
    {
        // ⟨Expand(x), C⟩ = ⟨x, Fold(C)⟩ for every geometry: Fold is exactly the transpose of Expand.
        foreach (var g in new[] { G(2, 7, 5, 1, 3, 2, 2), G(1, 4, 4, 1, 4, 1, 1), G(3, 5, 6, 1, 2, 3, 0), G(1, 2, 3, 1, 5, 1, 2) })
        {
            var random = new Random(g.GetHashCode());
            var x = Array.ConvertAll(GemmTestSupport.RandomArray(random, g.InputSize), v => (double)v);
            var c = Array.ConvertAll(GemmTestSupport.RandomArray(random, g.PatchSize * g.Positions), v => (double)v);
            var col = new double[c.Length];
            Im2Col.Expand<double>(x, col, g);
            var folded = new double[x.Length];
            Im2Col.Fold<double>(c, folded, g);
            var left = col.Zip(c, (a, b) => a * b).Sum();
            var right = x.Zip(folded, (a, b) => a * b).Sum();
            Assert.Equal(left, right, 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 5, 5, 1, 3, 1, 0)]
    [InlineData(1, 5, 5, 0, 3, 1, 0)]
    [InlineData(1, 5, 5, 1, 0, 1, 0)]
    [InlineData(1, 5, 5, 1, 3, 0, 0)]
    [InlineData(1, 5, 5, 1, 3, 1, -1)]
    [InlineData(1, 4, 5, 1, 7, 1, 1)]
    public void Impossible_shapes_are_refused(int c, int h, int w, int f, int k, int s, int p)
    {
        var g = G(c, h, w, f, k, s, p);
        Assert.Throws<ArgumentException>(() => Conv2d.Forward<float>(new float[1000], new float[1000], default, new float[1000], 1, g));
    }

    [Fact]
    public void Wrong_buffer_sizes_are_refused()
    {
        var g = G(1, 5, 5, 2, 3, 1, 0);
        Assert.Throws<ArgumentException>(() => Conv2d.Forward<float>(new float[24], new float[18], default, new float[18], 1, g));
        Assert.Throws<ArgumentException>(() => Conv2d.Forward<float>(new float[25], new float[17], default, new float[18], 1, g));
        Assert.Throws<ArgumentException>(() => Conv2d.Forward<float>(new float[25], new float[18], new float[3], new float[18], 1, g));
        Assert.Throws<ArgumentException>(() => Conv2d.Backward<float>(new float[25], new float[18], new float[18], default, new float[17], default, 1, g));
    }
}
