using System.Diagnostics;

namespace HwDsl.Kernels;

/// <summary>Throughput of <see cref="Gemm.Compute"/> on random operands, for the CLI's bench command.</summary>
public static class GemmBenchmark
{
    /// <summary>Which kernel path is in use (see <see cref="Gemm.Describe"/>).</summary>
    public static string Describe() => Gemm.Describe();

    /// <summary>
    /// Warms up, then calls the GEMM as often as fits in <paramref name="duration"/> and returns
    /// 2·m·n·k·calls / seconds / 1e9.
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

        var warmup = Stopwatch.StartNew();
        for (var calls = 0; calls < 3 || warmup.Elapsed < TimeSpan.FromMilliseconds(50); calls++)
            Gemm.Compute(a, b, c, m, n, k, layout, pool: pool);

        var done = 0L;
        var clock = Stopwatch.StartNew();
        do
        {
            Gemm.Compute(a, b, c, m, n, k, layout, pool: pool);
            done++;
        } while (clock.Elapsed < duration);
        return 2.0 * m * n * k * done / clock.Elapsed.TotalSeconds / 1e9;
    }
}
