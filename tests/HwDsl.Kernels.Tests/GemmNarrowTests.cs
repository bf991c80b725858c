using HwDsl.Kernels;
using static HwDsl.Kernels.Tests.GemmTestSupport;

namespace HwDsl.Kernels.Tests;

/// <summary>
/// Products with n ≤ 12 take the 16×w kernels (groups of 6 on the Vector256 path, of 12 on the Vector512 path). Each
/// output element depends only on its own row of op(A) and column of op(B), so the n columns of a 16-column product
/// (which the 6×16 or 8×16 kernel computes) must equal the narrow product bit for bit: the narrow path changes no
/// result anywhere. Both vector paths are forced in turn (Vector512 runs emulated, slowly, without AVX-512).
/// </summary>
public sealed class GemmNarrowTests
{
    public static readonly TheoryData<GemmLayout> Layouts = new() { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT };

    public static readonly TheoryData<GemmLayout, string> LayoutsAndPaths = new()
    {
        { GemmLayout.NN, "Vector256" }, { GemmLayout.TN, "Vector256" }, { GemmLayout.NT, "Vector256" },
        { GemmLayout.NN, "Vector512" }, { GemmLayout.TN, "Vector512" }, { GemmLayout.NT, "Vector512" },
    };

    [Theory, MemberData(nameof(LayoutsAndPaths))]
    public void Narrow_products_equal_their_columns_of_a_16_wide_product_bit_for_bit(GemmLayout layout, string path)
    {
        var saved = Gemm.Path;
        Gemm.Path = Enum.Parse<Gemm.KernelPath>(path);
        try { NarrowEqualsWide(layout); }
        finally { Gemm.Path = saved; }
    }

    private static void NarrowEqualsWide(GemmLayout layout)
    {
        int[] ms = [1, 2, 7, 15, 16, 17, 33, 100, 128, 257];
        int[] ks = [1, 3, 8, 9, 100, 256, 257, 300, 784];
        var cases = 0;
        for (var n = 1; n <= 12; n++)
        foreach (var m in ms)
        {
            var k = ks[(n * 3 + m) % ks.Length];
            var t = MakeCase(n * 1000 + m, m, n, k, layout, accumulate: (n + m) % 2 == 0, bias: (n * m) % 3 != 0);
            var narrow = t.Run();
            AssertMatchesReference(t, narrow);
            var wide = Widen(t, 16).Run();
            for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                if (BitConverter.SingleToInt32Bits(wide[i * 16 + j]) != BitConverter.SingleToInt32Bits(narrow[i * n + j]))
                    Assert.Fail($"{layout} {m}×{n}×{k}: c[{i},{j}] = {narrow[i * n + j]:R} narrow, {wide[i * 16 + j]:R} in the 16-wide product.");
            cases++;
        }
        Assert.Equal(120, cases);
    }

    [Theory, MemberData(nameof(Layouts))]
    public void Narrow_products_are_bit_identical_for_any_thread_count(GemmLayout layout)
    {
        using var one = new MacPool(1);
        using var two = new MacPool(2);
        using var three = new MacPool(3);
        foreach (var (m, n, k) in new[] { (2000, 10, 256), (999, 7, 300), (640, 12, 784), (100, 1, 4000) })
        {
            var t = MakeCase(m + n, m, n, k, layout, accumulate: true, bias: true);
            var expected = t.Run(one);
            Assert.Equal(expected, t.Run(two));
            Assert.Equal(expected, t.Run(three));
        }
    }

    // The same product with `width` columns: the first n as given, the others random.
    private static Case Widen(Case t, int width)
    {
        var random = new Random(99);
        var b = RandomArray(random, (long)t.K * width);
        var c0 = RandomArray(random, (long)t.M * width);
        for (var p = 0; p < t.K; p++)
        for (var j = 0; j < t.N; j++)
        {
            if (t.Layout == GemmLayout.NT) b[j * t.K + p] = t.B[j * t.K + p];
            else b[p * width + j] = t.B[p * t.N + j];
        }
        for (var i = 0; i < t.M; i++)
        for (var j = 0; j < t.N; j++) c0[i * width + j] = t.C0[i * t.N + j];
        float[]? bias = null;
        if (t.Bias is not null)
        {
            bias = RandomArray(random, width);
            t.Bias.CopyTo(bias, 0);
        }
        return new Case(t.A, b, c0, bias, t.M, width, t.K, t.Layout, t.Accumulate);
    }
}
