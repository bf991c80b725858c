using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>SGD with momentum, optional Nesterov, and L2 weight decay (PyTorch's rule).</summary>
public sealed class Sgd<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _momentum;
    private readonly SgdSpec _spec;

    /// <summary>Creates the optimizer for <paramref name="parameters"/>.</summary>
    public Sgd(IReadOnlyList<Tensor<T>> parameters, SgdSpec spec) : base(parameters, spec.LearningRate)
    {
        spec.Validate();
        _spec = spec;
        _momentum = [.. parameters.Select(p => spec.Momentum == 0 ? [] : new T[p.Length])];
    }

    /// <inheritdoc />
    public override IReadOnlyList<T[]> Buffers => _momentum;

    /// <inheritdoc />
    protected override void Update(int index, Tensor<T> parameter, int step, int start, int length)
        => OptimizerSteps.Sgd(parameter.Values.Slice(start, length), parameter.Gradient.Slice(start, length),
            _momentum[index].Length == 0 ? [] : _momentum[index].AsSpan(start, length), T.CreateChecked(LearningRate),
            T.CreateChecked(_spec.Momentum), T.CreateChecked(_spec.WeightDecay), _spec.Nesterov);
}
