using System.Numerics;
using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>An optimizer as data: what to build, with which hyper-parameters. Validated before training starts.</summary>
public abstract record OptimizerSpec(double LearningRate)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value and what is allowed.</summary>
    public virtual void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"learning rate must be a positive finite number; got {LearningRate}.");
    }

    /// <summary>Builds the optimizer over <paramref name="parameters"/>.</summary>
    public abstract Optimizer<T> Create<T>(IReadOnlyList<Tensor<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>;

    internal static void CheckUnitInterval(string name, double value, bool allowZero = true)
    {
        if (!(value >= 0 && value < 1) || (!allowZero && value == 0))
            throw new ArgumentException($"{name} must be in {(allowZero ? "[0, 1)" : "(0, 1)")}; got {value}.");
    }

    internal static void CheckNonNegative(string name, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw new ArgumentException($"{name} must be a finite number ≥ 0; got {value}.");
    }
}

/// <summary>SGD: momentum μ ∈ [0, 1), optional Nesterov, L2 weight decay λ ≥ 0.</summary>
public sealed record SgdSpec(double LearningRate, double Momentum = 0.9, double WeightDecay = 0, bool Nesterov = false)
    : OptimizerSpec(LearningRate)
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        CheckUnitInterval("momentum", Momentum);
        CheckNonNegative("weight decay", WeightDecay);
        if (Nesterov && Momentum == 0) throw new ArgumentException("Nesterov momentum needs momentum > 0; got momentum = 0.");
    }

    /// <inheritdoc />
    public override Optimizer<T> Create<T>(IReadOnlyList<Tensor<T>> parameters) => new Sgd<T>(parameters, this);

    /// <inheritdoc />
    public override string ToString() => $"sgd(lr={LearningRate}, momentum={Momentum}{(Nesterov ? ", nesterov" : "")}, wd={WeightDecay})";
}

/// <summary>Adam: β₁, β₂ ∈ [0, 1), ε &gt; 0, weight decay λ ≥ 0 as L2 or decoupled (AdamW).</summary>
public sealed record AdamSpec(double LearningRate, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8,
    double WeightDecay = 0, bool Decoupled = false) : OptimizerSpec(LearningRate)
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        CheckUnitInterval("beta1", Beta1);
        CheckUnitInterval("beta2", Beta2);
        if (!(Epsilon > 0)) throw new ArgumentException($"epsilon must be > 0; got {Epsilon}.");
        CheckNonNegative("weight decay", WeightDecay);
    }

    /// <inheritdoc />
    public override Optimizer<T> Create<T>(IReadOnlyList<Tensor<T>> parameters) => new Adam<T>(parameters, this);

    /// <inheritdoc />
    public override string ToString() => $"{(Decoupled ? "adamw" : "adam")}(lr={LearningRate}, betas=({Beta1}, {Beta2}), eps={Epsilon}, wd={WeightDecay})";
}
