using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

public sealed class SeededRandomTests
{
    [Fact]
    public void Same_seed_and_streams_replay_and_different_streams_differ()
    {
        var a = new SeededRandom(5, 1, 2);
        var b = new SeededRandom(5, 1, 2);
        var c = new SeededRandom(5, 1, 3);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(sa, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
        Assert.NotEqual(sa, Enumerable.Range(0, 100).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void Sequence_is_pinned_so_seeds_replay_across_versions()
    {
        // If this changes, every recorded seed in every run record stops replaying: change it only on purpose.
        var r = new SeededRandom(42);
        Assert.Equal(PinnedFirstTwo, new[] { r.NextUInt64(), r.NextUInt64() });
    }

    private static readonly ulong[] PinnedFirstTwo = [Pin.A, Pin.B];

    [Fact]
    public void Normal_samples_have_unit_moments_and_ints_are_unbiased()
    {
        var r = new SeededRandom(9);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < n; i++) { var x = r.NextNormal(); sum += x; sumSq += x * x; }
        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(sumSq / n, 0.98, 1.02);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[r.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Shuffle_is_a_permutation()
    {
        var values = Enumerable.Range(0, 1000).ToArray();
        new SeededRandom(3).Shuffle<int>(values);
        Assert.NotEqual(Enumerable.Range(0, 1000), values);
        Assert.Equal(Enumerable.Range(0, 1000), values.Order());
    }
}

file static class Pin
{
    public const ulong A = 1546998764402558742;
    public const ulong B = 6990951692964543102;
}
