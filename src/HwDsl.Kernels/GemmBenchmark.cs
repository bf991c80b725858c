using System.Diagnostics;

namespace HwDsl.Kernels;

/// <summary>Throughput of <see cref="Gemm.Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, GemmLayout, bool, ReadOnlySpan{float}, MacPool?)"/> on random operands, for the CLI's bench command.</summary>
public static class GemmBenchmark
{
    /// <summary>Which kernel path is in use (see <see cref="Gemm.Describe"/>).</summary>
    public static string Describe() => Gemm.Describe();

    /// <summary>
    /// Warms up, then runs batches of calls sized to about 10 ms for <paramref name="duration"/> and returns the median
    /// of the batches' 2·m·n·k·calls / seconds / 1e9. This is exactly how the PyTorch/OpenBLAS peer
    /// (bench/peer/peer.py) measures, so a ratio compares like with like; the median keeps a batch that the
    /// VM preempted from counting.
    /// </summary>
    public static double MeasureGflops(int m, int n, int k, GemmLayout layout, MacPool pool, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (m < 1 || n < 1 || k < 1)
            throw new ArgumentOutOfRangeException(nameof(m), $"benchmark sizes must be positive; got m={m}, n={n}, k={k}.");
        var random = new Random(12345);
        var a = new float[(long)m * k];
        var b = new float[(long)k * n];
        var c = new float[(long)m * n];
        for (var i = 0; i < a.Length; i++) a[i] = random.NextSingle() * 2 - 1;
        for (var i = 0; i < b.Length; i++) b[i] = random.NextSingle() * 2 - 1;

        // Warm up for 20 ms, which also sizes a batch to about 10 ms.
        var calls = 0;
        var warmup = Stopwatch.StartNew();
        for (; calls < 3 || warmup.Elapsed < TimeSpan.FromMilliseconds(20); calls++)
            Gemm.Compute(a, b, c, m, n, k, layout, pool: pool);
        var perBatch = Math.Max(1, (int)(0.010 / (warmup.Elapsed.TotalSeconds / calls)));

        var flops = 2.0 * m * n * k;
        var rates = new List<double>();
        var clock = Stopwatch.StartNew();
        do
        {
            var batch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++) Gemm.Compute(a, b, c, m, n, k, layout, pool: pool);
            rates.Add(flops * perBatch / batch.Elapsed.TotalSeconds / 1e9);
        } while (clock.Elapsed < duration);
        rates.Sort();
        return rates.Count % 2 == 1 ? rates[rates.Count / 2] : (rates[rates.Count / 2 - 1] + rates[rates.Count / 2]) / 2;
    }
}
