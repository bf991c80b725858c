using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

/// <summary>The fused weight → device kernel against the composed reference (mapper on the grid, then the device response).</summary>
public sealed class MapToDeviceTests
{
    private static (DeviceResponse Response, LevelTable Grid) Device(int levels, ulong seed)
    {
        // A monotone, bent, asymmetric device on an even grid over [-1, 1].
        var rng = new SeededRandom(seed);
        var q = new float[levels];
        var value = -1.2;
        for (var i = 0; i < levels; i++) { q[i] = (float)value; value += (0.3 + rng.NextDouble()) * 2.2 / levels; }
        var half = (levels - 1) / 2.0;
        return (new DeviceResponse(-1f, (float)(1 / half), q), new LevelTable([.. Enumerable.Range(0, levels).Select(i => (float)((i - half) / half))]));
    }

    [Theory]
    [InlineData(3, 0.5)]
    [InlineData(31, 2.0)]
    [InlineData(31, 20.0)]
    [InlineData(511, 7.0)]
    [InlineData(31, double.NaN)]   // straight-through
    public void Fused_equals_the_composed_reference(int levels, double beta)
    {
        var (response, grid) = Device(levels, (ulong)levels);
        var mode = double.IsNaN(beta) ? WeightGradient.Ste : WeightGradient.Relaxed(beta);
        foreach (var n in new[] { 0, 1, 7, 8, 9, 67, 1031 })
        {
            var rng = new SeededRandom((ulong)n + 3);
            var w = Tensor<float>.Parameter(1, n);
            for (var i = 0; i < n; i++) w.Values[i] = (float)(0.3 * (2.4 * rng.NextDouble() - 1.2));   // some outside the grid
            using var pool = new MacPool(2);
            var tape = new Tape<float>(pool);
            var fused = tape.MapToDevice(w, response, grid, 0.3f, mode);
            var composed = tape.DeviceResponse(tape.MapWeights(w, grid, 0.3f, mode), response, 0.3f);
            for (var i = 0; i < n; i++)
                Assert.True(Math.Abs(fused.Values[i] - composed.Values[i]) <= 2e-5f * 0.3f, $"n={n} i={i} w={w.Values[i]}: fused {fused.Values[i]}, composed {composed.Values[i]}");

            // Gradients: L = Σ y_i·r_i through both paths.
            var r = Enumerable.Range(0, n).Select(_ => (float)rng.NextNormal()).ToArray();
            var gf = Gradient(tape, w, r, t => t.MapToDevice(w, response, grid, 0.3f, mode));
            var gc = Gradient(tape, w, r, t => t.DeviceResponse(t.MapWeights(w, grid, 0.3f, mode), response, 0.3f));
            for (var i = 0; i < n; i++)
                Assert.True(Math.Abs(gf[i] - gc[i]) <= 1e-3f * Math.Max(1f, Math.Abs(gc[i])), $"n={n} i={i} w={w.Values[i]}: fused grad {gf[i]}, composed {gc[i]}");
        }
    }

    private static float[] Gradient(Tape<float> tape, Tensor<float> w, float[] r, Func<Tape<float>, Tensor<float>> f)
    {
        tape.Reset();
        w.Gradient.Clear();
        var y = f(tape);
        var weights = Tensor<float>.Constant(r, r.Length, 1);
        tape.Backward(tape.Dense(y, weights));
        var g = w.Gradient.ToArray();
        tape.Reset();
        return g;
    }
}
