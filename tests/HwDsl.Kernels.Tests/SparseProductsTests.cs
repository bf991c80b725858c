using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

/// <summary>The sparse-input product gives the MAC core's dense result bit for bit, touching only the non-zeros.</summary>
public sealed class SparseProductsTests
{
    public static readonly TheoryData<int, int, int> Shapes = new()
    {
        { 37, 256, 784 }, { 13, 130, 513 }, { 5, 65, 300 }, { 9, 10, 40 }, { 3, 64, 1 }, { 4, 3, 0 }, { 0, 5, 7 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Sparse_times_dense_plus_bias_is_the_gemm_bit_for_bit(int m, int n, int k)
    {
        var rng = new Random(m * 1000 + n + k);
        using var one = new MacPool(1);
        foreach (var density in new[] { 0.0, 0.2, 0.9 })
        foreach (var withBias in new[] { false, true })
        {
            // Values in [0, 1) as pixels, exact zeros (+0 and −0) elsewhere; B and the bias of both signs.
            var x = new float[m * k];
            for (var i = 0; i < x.Length; i++) x[i] = rng.NextDouble() < density ? (float)rng.NextDouble() : (i % 3 == 0 ? -0f : 0f);
            var b = new float[k * n];
            for (var i = 0; i < b.Length; i++) b[i] = (float)(rng.NextDouble() * 2 - 1);
            var bias = withBias ? Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray() : [];
            var expected = new float[m * n];
            Gemm.Compute(x, b, expected, m, n, k, GemmLayout.NN, false, bias, one);

            var starts = new int[m + 1];
            var columns = new int[m * k];
            var values = new float[m * k];
            var nonZeros = SparseProducts.Index(x, m, k, starts, columns, values);
            Assert.Equal(x.Count(v => v != 0f), nonZeros);
            var c = Enumerable.Repeat(float.NaN, m * n).ToArray();
            SparseProducts.RowsTimes(starts, columns, values, b, c, m, n, k, bias);
            Expect.True(expected.AsSpan().SequenceEqual(c), $"{m}×{n}×{k}, density {density}, bias {withBias}: differs from the dense product");
        }
    }

    [Fact]
    public void A_column_outside_the_depth_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SparseProducts.RowsTimes([0, 1], [5], [1f], new float[4 * 2], new float[2], 1, 2, 4, []));
        Assert.Contains("column 5 of entry 0 is outside 0..3", e.Message);
    }
}
