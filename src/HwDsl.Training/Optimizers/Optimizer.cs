using System.Numerics;
using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>Updates a fixed list of parameters from their gradients, one fused pass per tensor.</summary>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Binds the optimizer to <paramref name="parameters"/> (their order fixes the state layout).</summary>
    protected Optimizer(IReadOnlyList<Tensor<T>> parameters, double learningRate)
    {
        Parameters = parameters;
        LearningRate = learningRate;
    }

    /// <summary>The parameters updated by <see cref="Step"/>.</summary>
    public IReadOnlyList<Tensor<T>> Parameters { get; }

    /// <summary>The current learning rate η (a schedule changes it between epochs).</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>Clears every parameter's gradient before the next backward pass accumulates into it.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.Gradient.Clear();
    }

    /// <summary>Applies one update to every parameter.</summary>
    public void Step()
    {
        Steps++;
        for (var i = 0; i < Parameters.Count; i++) Update(i, Parameters[i], Steps);
    }

    /// <summary>Updates parameter <paramref name="index"/> in place for step <paramref name="step"/> (1-based).</summary>
    protected abstract void Update(int index, Tensor<T> parameter, int step);
}
