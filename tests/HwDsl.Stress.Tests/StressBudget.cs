using System.Diagnostics;

namespace HwDsl.Stress.Tests;

/// <summary>
/// How long each stress test runs: a few seconds in CI, longer with <c>HWDSL_STRESS_SECONDS</c> (e.g. 600, with
/// <c>DOTNET_GCgen0size=0x10000</c> for a collection every few kilobytes of allocation) when hunting locally.
/// </summary>
internal static class StressBudget
{
    public static TimeSpan For(double ciSeconds) =>
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("HWDSL_STRESS_SECONDS"),
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : ciSeconds);

    /// <summary>Runs <paramref name="body"/> until <paramref name="budget"/> has passed (at least once).</summary>
    public static long Repeat(TimeSpan budget, Action<long> body)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        do body(n++); while (clock.Elapsed < budget);
        return n;
    }
}
