using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

/// <summary>The sparse products with a spike matrix give what the MAC core gives, bit for bit.</summary>
public sealed class BinaryProductsTests
{
    private static float[] Spikes(Random random, int length, double density)
    {
        var x = new float[length];
        for (var i = 0; i < x.Length; i++) x[i] = random.NextDouble() < density ? 1f : 0f;
        return x;
    }

    private static float[] Values(Random random, int length, bool integers)
    {
        var x = new float[length];
        for (var i = 0; i < x.Length; i++) x[i] = integers ? random.Next(-2, 3) : (float)(random.NextDouble() * 2 - 1) * (i % 7 == 0 ? 1e-3f : 1f);
        return x;
    }

    public static readonly TheoryData<int, int, int> Shapes = new()
    {
        { 1, 1, 1 }, { 3, 7, 5 }, { 100, 64, 256 }, { 100, 250, 256 }, { 37, 65, 300 }, { 13, 130, 513 }, { 5, 9, 0 }, { 200, 8, 17 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Spikes_times_a_matrix_plus_bias_is_the_gemm_bit_for_bit(int m, int n, int k)
    {
        var random = new Random(m * 31 + n + k);
        foreach (var density in new[] { 0.0, 0.2, 1.0 })
        foreach (var integers in new[] { true, false })
        {
            var x = Spikes(random, m * k, density);
            var b = Values(random, k * n, integers);
            var bias = random.Next(2) == 0 ? Values(random, n, false) : null;
            var expected = new float[m * n];
            Gemm.Compute(x, b, expected, m, n, k, GemmLayout.NN, false, bias, new MacPool(1));
            var starts = new int[m + 1];
            var columns = new int[m * k];
            BinaryProducts.Index(x, m, k, transpose: false, starts, columns);
            var c = Values(random, m * n, false);
            BinaryProducts.SpikesTimes(starts, columns, b, c, m, n, k, bias);
            Assert.True(expected.AsSpan().SequenceEqual(c), $"X·B {m}×{n}×{k}, density {density}, integers {integers}");
        }
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Spikes_transposed_times_a_matrix_is_the_gemm_bit_for_bit(int m, int n, int k)
    {
        var random = new Random(m + n * 31 + k);
        foreach (var density in new[] { 0.0, 0.3, 1.0 })
        {
            var x = Spikes(random, k * m, density);
            var d = Values(random, k * n, false);
            var expected = new float[m * n];
            Gemm.Compute(x, d, expected, m, n, k, GemmLayout.TN, false, default, new MacPool(1));
            var starts = new int[m + 1];
            var rows = new int[m * k];
            BinaryProducts.Index(x, k, m, transpose: true, starts, rows);
            // The same lists from the row lists.
            var rowStarts = new int[k + 1];
            var columns = new int[m * k];
            BinaryProducts.Index(x, k, m, transpose: false, rowStarts, columns);
            var starts2 = new int[m + 1];
            var rows2 = new int[m * k];
            BinaryProducts.Transpose(rowStarts, columns, k, m, starts2, rows2);
            Assert.Equal(starts, starts2);
            Assert.Equal(rows, rows2);
            var c = Values(random, m * n, false);
            BinaryProducts.SpikesTransposedTimes(starts, rows, d, c, m, n, k);
            Assert.True(expected.AsSpan().SequenceEqual(c), $"Xᵀ·D {m}×{n}×{k}, density {density}");
        }
    }

    [Fact]
    public void Binary_means_plus_zero_or_one_bit_patterns()
    {
        Assert.True(BinaryProducts.IsBinary([0f, 1f, 1f, 0f]));
        Assert.True(BinaryProducts.IsBinary([]));
        Assert.False(BinaryProducts.IsBinary([0f, -0f]));
        Assert.False(BinaryProducts.IsBinary([1f, 0.5f]));
        Assert.False(BinaryProducts.IsBinary([float.NaN]));
    }
}
