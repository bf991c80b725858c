using HwDsl.Kernels;
using static HwDsl.Kernels.Tests.GemmTestSupport;

namespace HwDsl.Kernels.Tests;

public sealed class GemmPackedATests
{
    public static readonly TheoryData<GemmLayout> Layouts = new() { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT };

    [Theory, MemberData(nameof(Layouts))]
    public void A_packed_once_gives_the_unpacked_product_bit_for_bit_for_several_right_operands(GemmLayout layout)
    {
        using var two = new MacPool(2);
        foreach (var (m, n, k) in new[] { (1, 17, 1), (7, 33, 9), (100, 256, 784), (257, 40, 300), (64, 10, 256), (13, 1, 513), (2000, 96, 20) })
        {
            var t = MakeCase(m * 7 + n + k, m, n, k, layout, accumulate: n % 2 == 0, bias: k % 3 != 0);
            var packed = GemmPackedA.Pack(t.A, m, k, transposed: layout == GemmLayout.TN, two);
            for (var die = 0; die < 3; die++)
            {
                var other = t with { B = RandomArray(new Random(die), t.B.Length) };
                var expected = other.Run(two);
                foreach (var pool in new[] { two, null })
                {
                    var c = (float[])other.C0.Clone();
                    Gemm.Compute(packed, other.B, c, n, layout, other.Accumulate, other.Bias, pool);
                    Assert.True(expected.AsSpan().SequenceEqual(c), $"{layout} {m}×{n}×{k} right operand {die}: packed and unpacked products differ");
                }
            }
        }
    }

    [Theory]
    [InlineData("Vector512")]
    [InlineData("Vector256")]
    [InlineData("Scalar")]
    public void Every_forced_path_gives_the_unpacked_product(string path)
    {
        var saved = Gemm.Path;
        Gemm.Path = Enum.Parse<Gemm.KernelPath>(path);
        try
        {
            var t = MakeCase(3, 45, 70, 300, GemmLayout.NN, accumulate: true, bias: true);
            var packed = GemmPackedA.Pack(t.A, t.M, t.K);
            var c = (float[])t.C0.Clone();
            Gemm.Compute(packed, t.B, c, t.N, GemmLayout.NN, true, t.Bias);
            Assert.Equal(t.Run(), c);
        }
        finally { Gemm.Path = saved; }
    }

    [Fact]
    public void Mismatched_layouts_and_short_operands_are_refused_with_the_sizes()
    {
        var packed = GemmPackedA.Pack(new float[12], 3, 4);
        var e = Assert.Throws<ArgumentException>(() => Gemm.Compute(packed, new float[8], new float[6], 2, GemmLayout.TN));
        Assert.Contains("use NN or NT", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gemm.Compute(packed, new float[7], new float[60], 20, GemmLayout.NN));
        Assert.Contains("B holds 7", e.Message);
        e = Assert.Throws<ArgumentException>(() => GemmPackedA.Pack(new float[11], 3, 4));
        Assert.Contains("A holds 11", e.Message);
    }
}
