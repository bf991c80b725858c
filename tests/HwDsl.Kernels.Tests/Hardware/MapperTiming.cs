using System.Diagnostics;
using Xunit.Abstractions;

namespace HwDsl.Kernels.Tests.Hardware;

/// <summary>
/// ns/weight of the mapper on one thread for the ~269k weights one training step maps (odd count, so tails run).
/// Runs only with HWDSL_BENCH=1; prints medians, asserts nothing about time.
/// </summary>
public sealed class MapperTiming(ITestOutputHelper output)
{
    [Fact]
    public void Ns_per_weight()
    {
        if (Environment.GetEnvironmentVariable("HWDSL_BENCH") != "1") return;
        const int n = 269_323;
        var a = new float[n]; var b = new float[n];
        output.WriteLine($"calibration: TensorPrimitives.Exp {Median(() => System.Numerics.Tensors.TensorPrimitives.Exp(a, b)) / n * 1e9:F2} ns/value, Multiply {Median(() => System.Numerics.Tensors.TensorPrimitives.Multiply(a, 2f, b)) / n * 1e9:F2} ns/value");
        foreach (var bits in new[] { 4, 8 })
        {
            var q = HardwareReference.AsymmetricTable(bits);
            var table = new LevelTable(q);
            var w = HardwareReference.Weights(q, n, 0.5f, 1);
            var y = new float[n]; var d = new float[n];
            output.WriteLine($"{bits}-bit ({q.Length} levels, grid {table.GridCells}, scan {table.MaxScan}):");
            output.WriteLine($"  hard    {Median(() => WeightMapper.Hard(table, w, 0.5f, y)) / n * 1e9:F2} ns/weight");
            output.WriteLine($"  ste     {Median(() => WeightMapper.Ste(table, w, 0.5f, y, d)) / n * 1e9:F2} ns/weight");
            output.WriteLine($"  relaxed {Median(() => WeightMapper.Relaxed(table, w, 0.5f, 8, y, d)) / n * 1e9:F2} ns/weight");
            output.WriteLine($"  act relaxed {Median(() => ActivationQuantizer.Relaxed(w, bits, 1f, 8, y, d)) / n * 1e9:F2} ns/value");
        }
    }

    private static double Median(Action run)
    {
        for (var i = 0; i < 20; i++) run();
        var times = new double[41];
        for (var r = 0; r < times.Length; r++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            times[r] = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        }
        Array.Sort(times);
        return times[times.Length / 2];
    }
}
