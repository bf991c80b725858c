using HwDsl.Kernels;

namespace HwDsl.Data.Tests;

public sealed class MiniBatcherTests
{
    // Sample i has every feature equal to i, so a batch row tells which sample it holds.
    private static DataSplit Numbered(int count, int features = 3)
    {
        var x = new float[count * features];
        for (int i = 0; i < x.Length; i++) x[i] = i / features;
        var labels = Enumerable.Range(0, count).Select(i => i % 5).ToArray();
        return new DataSplit(x, labels, features, 5);
    }

    private static int[] Epoch(MiniBatcher batcher, DataSplit split, int epoch)
    {
        batcher.StartEpoch(epoch);
        var x = new float[batcher.BatchSize * split.FeatureCount];
        var y = new int[batcher.BatchSize];
        var seen = new List<int>();
        for (int b = 0; b < batcher.BatchesPerEpoch; b++)
        {
            int rows = batcher.Fill(b, x, y);
            Assert.Equal(batcher.RowsIn(b), rows);
            for (int r = 0; r < rows; r++)
            {
                int sample = (int)x[r * split.FeatureCount];
                for (int f = 0; f < split.FeatureCount; f++) Assert.Equal(sample, x[r * split.FeatureCount + f]);
                Assert.Equal(split.Labels[sample], y[r]);
                seen.Add(sample);
            }
        }
        return [.. seen];
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(1000, 64)]
    public void Every_sample_exactly_once_per_epoch_with_a_final_partial_batch(int count, int batch)
    {
        var split = Numbered(count);
        var batcher = new MiniBatcher(split, batch, seed: 7);

        Assert.Equal((count + batch - 1) / batch, batcher.BatchesPerEpoch);
        for (int epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, count), Epoch(batcher, split, epoch).Order());
    }

    [Theory]
    [InlineData(1000, 100, 2)]
    [InlineData(1000, 100, 3)]
    [InlineData(37, 17, 2)]
    [InlineData(40, 8, 2)]
    public void Rows_gathered_on_a_pool_are_the_rows_gathered_alone(int count, int batch, int threads)
    {
        var split = Numbered(count, features: 5);
        var batcher = new MiniBatcher(split, batch, seed: 11);
        batcher.StartEpoch(2);
        using var pool = new MacPool(threads);
        var (x1, y1, x2, y2) = (new float[batch * 5], new int[batch], new float[batch * 5], new int[batch]);
        for (int b = 0; b < batcher.BatchesPerEpoch; b++)
        {
            Array.Fill(x2, float.NaN);
            var rows = batcher.Fill(b, x1, y1);
            Assert.Equal(rows, batcher.Fill(b, x2, y2, pool));
            Assert.Equal(x1.AsSpan(0, rows * 5).ToArray(), x2.AsSpan(0, rows * 5).ToArray());
            Assert.Equal(y1.AsSpan(0, rows).ToArray(), y2.AsSpan(0, rows).ToArray());
        }
        Assert.Equal(Enumerable.Range(0, count), Epoch(batcher, split, 2).Order());
    }

    [Fact]
    public void Same_seed_and_epoch_give_the_same_order_regardless_of_history()
    {
        var split = Numbered(500);
        var a = new MiniBatcher(split, 32, seed: 3);
        var b = new MiniBatcher(split, 32, seed: 3);

        var first = Epoch(a, split, 5);
        Epoch(b, split, 0);
        Epoch(b, split, 9);
        Assert.Equal(first, Epoch(b, split, 5));
        Assert.Equal(first, Epoch(a, split, 5));
    }

    [Fact]
    public void Different_epochs_and_seeds_give_different_orders()
    {
        var split = Numbered(500);
        var a = new MiniBatcher(split, 50, seed: 3);
        var orders = Enumerable.Range(0, 5).Select(e => Epoch(a, split, e)).ToList();
        orders.Add(Epoch(new MiniBatcher(split, 50, seed: 4), split, 0));

        for (int i = 0; i < orders.Count; i++)
            for (int j = i + 1; j < orders.Count; j++)
                Assert.NotEqual(orders[i], orders[j]);
        Assert.NotEqual(Enumerable.Range(0, 500), orders[0]);
    }

    [Fact]
    public void Shuffle_is_pinned_so_runs_stay_reproducible_across_versions()
    {
        var split = Numbered(10);
        var batcher = new MiniBatcher(split, 4, seed: 42);
        batcher.StartEpoch(1);
        Assert.Equal(PinnedOrder, batcher.Order.ToArray());
    }

    // Computed by an independent Python transcription of SplitMix64 + Lemire + Fisher–Yates.
    private static readonly int[] PinnedOrder = [8, 5, 0, 6, 7, 2, 3, 9, 1, 4];

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // First outputs of Vigna's splitmix64.c seeded with 0.
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
        Assert.Equal(0x06C45D188009454FUL, rng.Next());
    }

    [Fact]
    public void NextBelow_is_roughly_uniform()
    {
        var rng = new SplitMix64(123);
        var counts = new int[6];
        for (int i = 0; i < 60000; i++) counts[rng.NextBelow(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
    }

    [Fact]
    public void Fill_checks_its_arguments()
    {
        var split = Numbered(10, features: 2);
        var batcher = new MiniBatcher(split, 4, seed: 0);
        Assert.Throws<InvalidOperationException>(() => batcher.Fill(0, new float[8], new int[4]));
        batcher.StartEpoch(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => batcher.Fill(3, new float[8], new int[4]));
        Assert.Throws<ArgumentException>(() => batcher.Fill(0, new float[7], new int[4]));
        Assert.Throws<ArgumentException>(() => batcher.Fill(0, new float[8], new int[3]));
        Assert.Equal(2, batcher.Fill(2, new float[4], new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatcher(split, 0, 0));
    }
}
