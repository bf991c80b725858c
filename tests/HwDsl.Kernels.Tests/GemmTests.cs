using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using HwDsl.Kernels;
using static HwDsl.Kernels.Tests.GemmTestSupport;

namespace HwDsl.Kernels.Tests;

public sealed class GemmTests
{
    public static readonly TheoryData<GemmLayout> Layouts = new() { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT };

    private static readonly int[] SampledK = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33];

    [Theory, MemberData(nameof(Layouts))]
    public void EveryMAndNUpTo33MatchesReference(GemmLayout layout)
    {
        for (var m = 1; m <= 33; m++)
        for (var n = 1; n <= 33; n++)
        {
            var k = SampledK[(m * 7 + n) % SampledK.Length];
            var t = MakeCase(m * 1000 + n, m, n, k, layout, accumulate: (m + n) % 2 == 0, bias: (m * n) % 3 != 0);
            AssertMatchesReference(t, t.Run());
        }
    }

    [Theory, MemberData(nameof(Layouts))]
    public void EveryKUpTo33MatchesReference(GemmLayout layout)
    {
        int[] sizes = [1, 5, 6, 8, 13, 16, 17, 32, 33];
        for (var k = 1; k <= 33; k++)
        foreach (var m in sizes)
        {
            var n = sizes[(k + m) % sizes.Length];
            var t = MakeCase(k * 100 + m, m, n, k, layout, accumulate: k % 2 == 1, bias: (k + m) % 2 == 0);
            AssertMatchesReference(t, t.Run());
        }
    }

    public static readonly TheoryData<GemmLayout, int, int, int> LargeShapes = Shapes(
        (257, 1031, 131), (37, 45, 600), (19, 300, 1100), (128, 256, 784), (128, 10, 256), (784, 256, 128),
        (256, 10, 128), (128, 256, 10), (100, 256, 784), (784, 256, 100), (100, 10, 256));

    private static TheoryData<GemmLayout, int, int, int> Shapes(params (int M, int N, int K)[] shapes)
    {
        var data = new TheoryData<GemmLayout, int, int, int>();
        foreach (var layout in new[] { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT })
        foreach (var (m, n, k) in shapes) data.Add(layout, m, n, k);
        return data;
    }

    [Theory, MemberData(nameof(LargeShapes))]
    public void LargeAndMlpShapesMatchReference(GemmLayout layout, int m, int n, int k)
    {
        var t = MakeCase(m + n + k, m, n, k, layout, accumulate: (m + k) % 2 == 0, bias: n % 2 == 0);
        AssertMatchesReference(t, t.Run());
        var flipped = t with { Accumulate = !t.Accumulate, Bias = t.Bias is null ? RandomArray(new Random(1), n) : null };
        AssertMatchesReference(flipped, flipped.Run());
    }

    [Theory, MemberData(nameof(LargeShapes))]
    public void ResultIsBitIdenticalForAnyThreadCount(GemmLayout layout, int m, int n, int k)
    {
        var t = MakeCase(7 * m + n, m, n, k, layout, accumulate: true, bias: true);
        using var one = new MacPool(1);
        using var two = new MacPool(2);
        using var three = new MacPool(3);
        var expected = t.Run(one);
        Assert.Equal(expected, t.Run(two));
        Assert.Equal(expected, t.Run(three));
        Assert.Equal(expected, t.Run(two));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void ZeroKGivesBiasOrLeavesC(bool accumulate, bool withBias)
    {
        float[] bias = [1f, -2f, 3f];
        float[] c = [10, 20, 30, 40, 50, 60];
        Gemm.Compute([], [], c, 2, 3, 0, GemmLayout.NN, accumulate, withBias ? bias : default);
        float[] expected = (accumulate, withBias) switch
        {
            (false, false) => [0, 0, 0, 0, 0, 0],
            (false, true) => [1, -2, 3, 1, -2, 3],
            (true, false) => [10, 20, 30, 40, 50, 60],
            (true, true) => [11, 18, 33, 41, 48, 63],
        };
        Assert.Equal(expected, c);
    }

    [Fact]
    public void ZeroMOrNDoesNothing()
    {
        float[] c = [5];
        Gemm.Compute(new float[4], [], c, 0, 0, 4, GemmLayout.NN);
        Gemm.Compute([], new float[4], c, 0, 1, 4, GemmLayout.TN);
        Gemm.Compute(new float[4], [], c, 1, 0, 4, GemmLayout.NT);
        Assert.Equal([5f], c);
    }

    [Fact]
    public void ArgumentErrorsNameTheValues()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Compute(new float[5], new float[12], new float[8], 2, 4, 3, GemmLayout.NN));
        Assert.Contains("5", ex.Message);
        Assert.Contains("2×3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Gemm.Compute(new float[6], new float[11], new float[8], 2, 4, 3, GemmLayout.NT));
        Assert.Contains("11", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Gemm.Compute(new float[6], new float[12], new float[7], 2, 4, 3, GemmLayout.TN));
        Assert.Contains("7", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Gemm.Compute(new float[6], new float[12], new float[8], 2, 4, 3, GemmLayout.NN, bias: new float[3]));
        Assert.Contains("bias holds 3", ex.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Compute([], [], [], -1, 4, 3, GemmLayout.NN));
        Assert.Contains("m=-1", range.Message);
        range = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Compute([1f], [1f], new float[1], 1, 1, 1, (GemmLayout)7));
        Assert.Contains("7", range.Message);
    }

    [Fact]
    public void DescribeNamesThePathForThisHardware()
    {
        var description = Gemm.Describe();
        Assert.Equal(description, GemmBenchmark.Describe());
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported) Assert.StartsWith("Vector512", description);
        else if (Vector256.IsHardwareAccelerated && Fma.IsSupported) Assert.StartsWith("Vector256", description);
        else Assert.Equal("scalar", description);
        // .NET 10's switch is DOTNET_EnableAVX512 (it ignores DOTNET_EnableAVX512F): the CI's AVX-512-off rerun must set it.
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0") Assert.DoesNotContain("512", description);
    }

    [Fact]
    public void BenchmarkReportsPositiveThroughput()
    {
        using var pool = new MacPool(1);
        var gflops = GemmBenchmark.MeasureGflops(17, 33, 9, GemmLayout.NT, pool, TimeSpan.FromMilliseconds(20));
        Assert.True(gflops > 0 && double.IsFinite(gflops), $"got {gflops}");
    }
}
