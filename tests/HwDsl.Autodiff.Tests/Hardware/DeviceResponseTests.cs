using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

public sealed class DeviceResponseTests
{
    // Every element compared agrees with central finite differences within the tolerance; the message names the worst one.
    private static void AssertGradients(GradientReport report) => Assert.True(report.Agrees, report.ToString());

    // A bent, asymmetric device: intended levels -1, -0.5, 0, 0.5, 1 give these effective weights.
    private static readonly DeviceResponse Bent = new(-1f, 0.5f, [-1.1f, -0.7f, -0.02f, 0.6f, 0.9f]);

    [Fact]
    public void Returns_the_device_level_at_each_intended_level_and_interpolates_between()
    {
        float[] u = [-1f, -0.5f, 0f, 0.5f, 1f, 0.25f, -0.75f];
        var y = new float[u.Length];
        var slope = new float[u.Length];
        Bent.Apply(u, 1f, y, slope);
        Assert.Equal([-1.1f, -0.7f, -0.02f, 0.6f, 0.9f], y[..5]);
        Assert.Equal(0.29f, y[5], 5);                 // halfway between -0.02 and 0.6
        Assert.Equal(-0.9f, y[6], 5);
        Assert.Equal(2 * (0.6f + 0.02f), slope[5], 5);
    }

    [Fact]
    public void Scales_with_w_max_and_clamps_outside_the_grid()
    {
        var y = new float[3];
        Bent.Apply([0.5f * 0.2f, 5f, -5f], 0.2f, y, default);
        Assert.Equal(0.6f * 0.2f, y[0], 6);
        Assert.Equal(0.9f * 0.2f, y[1], 6);
        Assert.Equal(-1.1f * 0.2f, y[2], 6);
    }

    [Fact]
    public void The_ideal_device_is_the_identity()
    {
        var ideal = new DeviceResponse(-1f, 0.25f, [-1f, -0.75f, -0.5f, -0.25f, 0f, 0.25f, 0.5f, 0.75f, 1f]);
        float[] u = [-0.9f, -0.3f, 0.1f, 0.66f];
        var y = new float[4];
        ideal.Apply(u, 1f, y, default);
        for (var i = 0; i < u.Length; i++) Assert.Equal(u[i], y[i], 6);
    }

    [Fact]
    public void Rejects_bad_grids_naming_the_values()
    {
        Assert.Contains("positive step; got first = 0, step = 0", Assert.Throws<ArgumentException>(() => new DeviceResponse(0, 0, [0f, 1f])).Message);
        Assert.Contains("device level 1 is not finite", Assert.Throws<ArgumentException>(() => new DeviceResponse(0, 1, [0f, float.NaN])).Message);
    }

    [Fact]
    public void Gradient_through_the_relaxed_mapper_and_the_device_matches_finite_differences()
    {
        // Weights → relaxed level on the uniform programming grid → device response: one differentiable chain.
        var grid = new LevelTable([-1f, -0.5f, 0f, 0.5f, 1f]);
        var rng = new SeededRandom(5);
        // Keep each weight away from cell boundaries (multiples of 0.5·w_max) and from the clip, where the chain has kinks.
        var w = GradientCheck.Random(3, 4, rng, r =>
        {
            var cell = r.NextInt(4) - 2;
            return 0.8 * (0.5 * cell + 0.05 + 0.4 * r.NextDouble());
        });
        AssertGradients(GradientCheck.Compare(t => t.DeviceResponse(t.MapWeights(w, grid, 0.8, WeightGradient.Relaxed(3.0)), Bent, 0.8), [w], tolerance: 1e-5));
    }
}
