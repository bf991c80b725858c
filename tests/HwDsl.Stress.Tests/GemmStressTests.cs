using HwDsl.Kernels;

namespace HwDsl.Stress.Tests;

public sealed class GemmStressTests
{
    // 0, 1 and odd sizes for the edge tiles, and sizes large enough (with the others) to cross the parallel threshold.
    private static readonly int[] Sizes = [0, 1, 2, 3, 5, 6, 7, 10, 13, 16, 17, 31, 33, 64, 100, 127, 256, 300];

    private sealed record Product(float[] A, float[] B, float[] C0, float[]? Bias, int M, int N, int K, GemmLayout Layout, bool Accumulate)
    {
        public float[] Run(MacPool pool)
        {
            var c = (float[])C0.Clone();
            Gemm.Compute(A, B, c, M, N, K, Layout, Accumulate, Bias, pool);
            return c;
        }

        public override string ToString() => $"{Layout} {M}×{N}×{K} accumulate={Accumulate} bias={Bias is not null}";
    }

    private static Product RandomProduct(Random random)
    {
        int Pick() => random.Next(4) == 0 ? random.Next(1, 400) : Sizes[random.Next(Sizes.Length)];
        int m = Pick(), n = Pick(), k = Pick();
        float[] Fill(long length) { var x = new float[length]; for (var i = 0; i < x.Length; i++) x[i] = random.NextSingle() * 2 - 1; return x; }
        return new Product(Fill((long)m * k), Fill((long)k * n), Fill((long)m * n), random.Next(2) == 0 ? Fill(n) : null,
            m, n, k, (GemmLayout)random.Next(3), random.Next(2) == 0);
    }

    [Fact]
    public void Two_threads_with_nested_calls_and_forced_collections_give_the_one_thread_result_bit_for_bit()
    {
        using var shared = new MacPool(2);
        using var pressure = new Pressure(hogs: 2, collect: true);
        var budget = StressBudget.For(15);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        long products = 0;
        void Hammer(int seed)
        {
            using var alone = new MacPool(1);
            var random = new Random(seed);
            StressBudget.Repeat(budget, n =>
            {
                if (n % 5 == 4)
                {
                    // Products started from task bodies: each runs inline on whichever thread claimed its task.
                    var batch = Enumerable.Range(0, 3).Select(_ => RandomProduct(random)).ToArray();
                    var expected = batch.Select(p => p.Run(alone)).ToArray();
                    var got = new float[batch.Length][];
                    shared.Run(batch.Length, i => got[i] = batch[i].Run(shared));
                    for (var i = 0; i < batch.Length; i++)
                        if (!expected[i].AsSpan().SequenceEqual(got[i])) failures.Enqueue($"thread {seed}, nested {batch[i]}");
                    Interlocked.Add(ref products, batch.Length);
                    return;
                }
                var p = RandomProduct(random);
                if (!p.Run(alone).AsSpan().SequenceEqual(p.Run(shared))) failures.Enqueue($"thread {seed}, {p}");
                Interlocked.Increment(ref products);
            });
        }
        var other = new Thread(() =>
        {
            try { Hammer(2); }
            catch (Exception e) { failures.Enqueue(e.ToString()); }
        });
        other.Start();
        Hammer(1);
        other.Join();
        Assert.True(failures.IsEmpty, $"{failures.Count} of {products} products differ from the 1-thread result: {string.Join("; ", failures.Take(5))}");
    }
}
