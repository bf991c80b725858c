using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// How a hardware quantizer (weight mapping or activation quantization) is differentiated in training:
/// <see cref="Ste"/> uses the hard forward and passes the gradient through inside the range;
/// <see cref="Relaxed"/> uses the continuously differentiable sum-of-sigmoids form with sharpness β
/// (see <see cref="RelaxedStep"/>), which becomes the hard staircase as β grows.
/// </summary>
public readonly record struct WeightGradient
{
    private WeightGradient(bool isRelaxed, double beta) => (IsRelaxed, Beta) = (isRelaxed, beta);

    /// <summary>True for the relaxed form, false for the straight-through estimator.</summary>
    public bool IsRelaxed { get; }

    /// <summary>β of the relaxed form (0 for STE).</summary>
    public double Beta { get; }

    /// <summary>Hard forward, gradient 1 inside the range and 0 outside.</summary>
    public static WeightGradient Ste => default;

    /// <summary>The relaxed form with sharpness <paramref name="beta"/> (finite, &gt; 0; ≥ 60 forwards the hard staircase).</summary>
    public static WeightGradient Relaxed(double beta)
    {
        RelaxedStep.Validate(beta);
        return new WeightGradient(true, beta);
    }

    /// <inheritdoc />
    public override string ToString() => IsRelaxed ? $"relaxed(beta={Beta})" : "ste";
}
