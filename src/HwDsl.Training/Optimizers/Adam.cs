using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>Adam, or AdamW with decoupled weight decay (PyTorch's rules, bias-corrected).</summary>
public sealed class Adam<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _m, _v;
    private readonly AdamSpec _spec;

    /// <summary>Creates the optimizer for <paramref name="parameters"/>.</summary>
    public Adam(IReadOnlyList<Tensor<T>> parameters, AdamSpec spec) : base(parameters, spec.LearningRate)
    {
        spec.Validate();
        _spec = spec;
        _m = [.. parameters.Select(p => new T[p.Length])];
        _v = [.. parameters.Select(p => new T[p.Length])];
    }

    /// <inheritdoc />
    public override IReadOnlyList<T[]> Buffers => [.. _m, .. _v];

    /// <inheritdoc />
    protected override void Update(int index, Tensor<T> parameter, int step, int start, int length)
        => OptimizerSteps.Adam(parameter.Values.Slice(start, length), parameter.Gradient.Slice(start, length),
            _m[index].AsSpan(start, length), _v[index].AsSpan(start, length), step,
            T.CreateChecked(LearningRate), T.CreateChecked(_spec.Beta1), T.CreateChecked(_spec.Beta2),
            T.CreateChecked(_spec.Epsilon), T.CreateChecked(_spec.WeightDecay), _spec.Decoupled);
}
