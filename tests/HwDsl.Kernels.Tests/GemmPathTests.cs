using HwDsl.Kernels;
using static HwDsl.Kernels.Tests.GemmTestSupport;

namespace HwDsl.Kernels.Tests;

/// <summary>
/// Runs every kernel path on this machine by forcing it for the test's thread: a Vector512 path without AVX-512
/// hardware runs emulated (slowly) but must give the same results, so sizes here are small.
/// </summary>
public sealed class GemmPathTests
{
    public static readonly TheoryData<string> Paths = new() { "Vector512", "Vector256", "Scalar" };

    private static T WithPath<T>(string name, Func<T> body)
    {
        var path = Enum.Parse<Gemm.KernelPath>(name);
        var saved = Gemm.Path;
        Gemm.Path = path;
        try { return body(); }
        finally { Gemm.Path = saved; }
    }

    [Theory, MemberData(nameof(Paths))]
    public void ForcedPathMatchesReference(string path)
    {
        int[] sizes = [1, 5, 8, 9, 16, 17, 31, 33, 40];
        foreach (var layout in new[] { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT })
        foreach (var m in sizes)
        foreach (var n in sizes)
        {
            var k = sizes[(m + 2 * n) % sizes.Length];
            var t = MakeCase(m * 31 + n, m, n, k, layout, accumulate: (m + n) % 2 == 1, bias: n % 3 != 1);
            AssertMatchesReference(t, WithPath(path, () => t.Run()));
        }
    }

    [Theory, MemberData(nameof(Paths))]
    public void ForcedPathHandlesSeveralKAndNBlocks(string path)
    {
        foreach (var layout in new[] { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT })
        {
            var t = MakeCase(3, 13, 70, 1100, layout, accumulate: true, bias: true);
            AssertMatchesReference(t, WithPath(path, () => t.Run()));
        }
    }

    [Theory, MemberData(nameof(Paths))]
    public void ForcedPathIsBitIdenticalForAnyThreadCount(string path)
    {
        using var one = new MacPool(1);
        using var two = new MacPool(2);
        using var three = new MacPool(3);
        foreach (var layout in new[] { GemmLayout.NN, GemmLayout.TN, GemmLayout.NT })
        {
            var t = MakeCase(5, 70, 300, 60, layout, accumulate: false, bias: true);
            var expected = WithPath(path, () => t.Run(one));
            Assert.Equal(expected, WithPath(path, () => t.Run(two)));
            Assert.Equal(expected, WithPath(path, () => t.Run(three)));
        }
    }
}
