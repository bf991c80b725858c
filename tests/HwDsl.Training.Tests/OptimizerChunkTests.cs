using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

/// <summary>The optimizer's pool work outside the update rule: clearing gradients and the finiteness of what a step wrote.</summary>
public sealed class OptimizerChunkTests
{
    // 784-256-10: the first weight matrix spans many chunks, the biases one each.
    private static IReadOnlyList<HwDsl.Autodiff.Tensor<float>> Parameters(int seed, float gradient)
    {
        var model = Sequential<float>.Mlp(784, [256], 10, Activation.Relu, seed);
        var rng = new SeededRandom((ulong)seed);
        foreach (var p in model.Parameters)
            for (var i = 0; i < p.Length; i++) p.Gradient[i] = gradient * (float)(rng.NextDouble() - 0.5);
        return model.Parameters;
    }

    [Fact]
    public void Zero_grad_on_a_pool_clears_every_gradient_and_steps_match_one_thread_bit_for_bit()
    {
        using var pool = new MacPool(2);
        var alone = Parameters(3, 1f);
        var pooled = Parameters(3, 1f);
        var a = new AdamSpec(1e-2).Create(alone);
        var b = new AdamSpec(1e-2).Create(pooled);
        a.Step();
        b.Step(pool);
        Assert.True(a.LastStepFinite && b.LastStepFinite);
        for (var i = 0; i < alone.Count; i++) Assert.Equal(alone[i].Values.ToArray(), pooled[i].Values.ToArray());
        b.ZeroGrad(pool);
        Assert.All(pooled, p => Assert.True(p.Gradient.IndexOfAnyExcept(0f) < 0, $"a {p.Rows}×{p.Cols} gradient was not cleared"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_step_that_writes_a_non_finite_value_says_so(int threads)
    {
        using var pool = new MacPool(threads);
        var parameters = Parameters(5, 1f);
        var adam = new AdamSpec(1e-3).Create(parameters);
        parameters[0].Gradient[70_000] = float.PositiveInfinity; // in a middle chunk of the first matrix
        adam.Step(pool);
        Assert.False(adam.LastStepFinite);
        Assert.True(float.IsNaN(parameters[0].Values[70_000]));
    }
}
