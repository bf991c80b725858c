using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

public sealed class PoolingTests
{
    public static readonly TheoryData<int, int, int, int, int, int> Shapes = new()
    {
        { 1, 4, 4, 2, 2, 1 },
        { 3, 6, 4, 2, 2, 3 },
        { 2, 7, 7, 3, 2, 2 },    // overlapping windows
        { 2, 9, 7, 3, 3, 4 },
        { 1, 5, 5, 5, 1, 2 },    // one window covering the image
        { 6, 28, 28, 2, 2, 40 },
    };

    // x[n, c, y, x] at its flat index.
    private static int At(PoolGeometry g, int n, int c, int y, int x) => ((n * g.Channels + c) * g.Height + y) * g.Width + x;

    private static IEnumerable<(int N, int C, int Oy, int Ox, int Out)> Windows(PoolGeometry g, int batch)
    {
        for (var n = 0; n < batch; n++)
        for (var c = 0; c < g.Channels; c++)
        for (var oy = 0; oy < g.OutHeight; oy++)
        for (var ox = 0; ox < g.OutWidth; ox++)
            yield return (n, c, oy, ox, ((n * g.Channels + c) * g.OutHeight + oy) * g.OutWidth + ox);
    }

    private static IEnumerable<int> Field(PoolGeometry g, int n, int c, int oy, int ox)
    {
        for (var i = 0; i < g.Size; i++)
        for (var j = 0; j < g.Size; j++)
            yield return At(g, n, c, oy * g.Stride + i, ox * g.Stride + j);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Max_pooling_picks_each_window_maximum_and_routes_the_gradient_there(int c, int h, int w, int size, int stride, int batch)
    {
        var g = new PoolGeometry(c, h, w, size, stride);
        var random = new Random(c + h + size);
        // Values on a coarse grid so ties occur: the gradient must go to the first maximum only.
        var x = Enumerable.Range(0, batch * g.InputSize).Select(_ => (float)random.Next(-3, 4)).ToArray();
        var dy = GemmTestSupport.RandomArray(random, batch * g.OutputSize);
        var y = new float[dy.Length];
        Pooling.MaxForward<float>(x, y, batch, g);
        var dx = GemmTestSupport.RandomArray(random, x.Length);
        var expected = Array.ConvertAll(dx, v => (double)v);
        Pooling.MaxBackward<float>(x, dy, dx, batch, g);
        foreach (var (n, ch, oy, ox, o) in Windows(g, batch))
        {
            var field = Field(g, n, ch, oy, ox).ToArray();
            var max = field.Max(i => x[i]);
            Assert.Equal(max, y[o]);
            expected[field.First(i => x[i] == max)] += dy[o];
        }
        for (var i = 0; i < dx.Length; i++) Assert.Equal(expected[i], dx[i], 1e-5);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Average_pooling_takes_each_window_mean_and_spreads_the_gradient(int c, int h, int w, int size, int stride, int batch)
    {
        var g = new PoolGeometry(c, h, w, size, stride);
        var random = new Random(7 * c + w);
        var x = GemmTestSupport.RandomArray(random, batch * g.InputSize);
        var dy = GemmTestSupport.RandomArray(random, batch * g.OutputSize);
        var y = new float[dy.Length];
        Pooling.AverageForward<float>(x, y, batch, g);
        var dx = GemmTestSupport.RandomArray(random, x.Length);
        var expected = Array.ConvertAll(dx, v => (double)v);
        Pooling.AverageBackward<float>(dy, dx, batch, g);
        foreach (var (n, ch, oy, ox, o) in Windows(g, batch))
        {
            var field = Field(g, n, ch, oy, ox).ToArray();
            Assert.Equal(field.Average(i => (double)x[i]), y[o], 1e-6);
            foreach (var i in field) expected[i] += dy[o] / (double)(size * size);
        }
        for (var i = 0; i < dx.Length; i++) Assert.Equal(expected[i], dx[i], 1e-5);
    }

    [Fact]
    public void Results_are_bit_identical_for_any_thread_count()
    {
        var g = new PoolGeometry(6, 28, 28, 2, 2);
        const int batch = 100;
        var random = new Random(3);
        var x = GemmTestSupport.RandomArray(random, batch * g.InputSize);
        var dy = GemmTestSupport.RandomArray(random, batch * g.OutputSize);
        float[] Run(MacPool pool)
        {
            var y = new float[dy.Length];
            var dx = new float[x.Length];
            Pooling.MaxForward<float>(x, y, batch, g, pool);
            Pooling.MaxBackward<float>(x, dy, dx, batch, g, pool);
            Pooling.AverageForward<float>(x, y, batch, g, pool);
            Pooling.AverageBackward<float>(dy, dx, batch, g, pool);
            return [.. y, .. dx];
        }
        using var one = new MacPool(1);
        using var two = new MacPool(2);
        using var three = new MacPool(3);
        var expected = Run(one);
        Assert.Equal(expected, Run(two));
        Assert.Equal(expected, Run(three));
    }

    [Theory]
    [InlineData(1, 4, 4, 5, 1)]
    [InlineData(1, 4, 4, 0, 1)]
    [InlineData(1, 4, 4, 2, 0)]
    [InlineData(0, 4, 4, 2, 2)]
    public void Impossible_shapes_are_refused(int c, int h, int w, int size, int stride) =>
        Assert.Throws<ArgumentException>(() => Pooling.MaxForward<float>(new float[100], new float[100], 1, new PoolGeometry(c, h, w, size, stride)));
}
