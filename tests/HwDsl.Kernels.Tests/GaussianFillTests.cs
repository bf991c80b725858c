using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

/// <summary>The bulk normal draws of the per-MVM noise: standard normal moments and tail mass, every short length, replay
/// by seed, and the AVX2 left-pack against the scalar lane loop bit for bit.</summary>
[Collection(nameof(GaussianFillTests))]   // ForceLaneLoop is process-wide
public sealed class GaussianFillTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(200_001)]
    public void Draws_are_standard_normal_and_replay_from_the_seed(int n)
    {
        var z = new float[n];
        GaussianFill.Fill(new SeededRandom(3, 1), z);
        var again = new float[n];
        GaussianFill.Fill(new SeededRandom(3, 1), again);
        Assert.Equal(z, again);
        Assert.All(z, v => Assert.True(float.IsFinite(v)));
        if (n < 1000) return;
        var mean = z.Average(v => (double)v);
        var variance = z.Average(v => (v - mean) * (v - mean));
        var kurtosis = z.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.99, 1.01);
        Assert.InRange(kurtosis, 2.95, 3.05);
        Assert.InRange(z.Count(v => Math.Abs(v) > 1.96) / (double)n, 0.047, 0.053);   // 5 % beyond ±1.96σ
        Assert.InRange(z.Count(v => Math.Abs(v) > 3) / (double)n, 0.0022, 0.0032);     // 0.27 % beyond ±3σ
        Assert.InRange(z.Take(n / 2).Zip(z.Skip(n / 2)).Average(p => (double)p.First * p.Second), -0.01, 0.01);   // the pair's halves are independent
        Assert.InRange(z.Zip(z.Skip(1)).Average(p => (double)p.First * p.Second), -0.01, 0.01);   // neighbours (lanes) are independent
    }

    [Fact]
    public void The_vector_left_pack_gives_the_lane_loops_values_bit_for_bit()
    {
        for (var n = 0; n <= 300; n++)
        {
            var vector = new float[n];
            GaussianFill.Fill(new SeededRandom(11, (ulong)n), vector);
            var lanes = new float[n];
            try
            {
                GaussianFill.ForceLaneLoop = true;
                GaussianFill.Fill(new SeededRandom(11, (ulong)n), lanes);
            }
            finally
            {
                GaussianFill.ForceLaneLoop = false;
            }
            Assert.Equal(lanes, vector);
        }
    }

    [Fact]
    public void Different_seeds_give_different_draws()
    {
        var a = new float[64];
        var b = new float[64];
        GaussianFill.Fill(new SeededRandom(1), a);
        GaussianFill.Fill(new SeededRandom(2), b);
        Assert.NotEqual(a, b);
    }
}
