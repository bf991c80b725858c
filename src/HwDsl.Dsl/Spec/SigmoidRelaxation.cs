namespace HwDsl;

/// <summary>
/// Sum-of-sigmoids relaxation <c>S_beta(x) = q_0 + sum_k (q_k - q_(k-1)) sigmoid(beta (x - t_k))</c>,
/// beta annealed geometrically per epoch from <see cref="BetaFrom"/> to <see cref="BetaTo"/>; with <see cref="SteFrom"/>,
/// over the first <c>SteFrom</c> epochs, after which training continues with the straight-through estimator.
/// </summary>
/// <param name="BetaFrom">beta in the first epoch, &gt; 0.</param>
/// <param name="BetaTo">beta in the last epoch, ≥ <paramref name="BetaFrom"/>.</param>
public sealed record SigmoidRelaxation(double BetaFrom, double BetaTo) : RelaxationSpec
{
    /// <summary>The 0-based epoch from which training uses the straight-through estimator instead (the relaxation
    /// annealed into STE: <c>Relaxation.SigmoidThenSte</c>), or null for the relaxation throughout; in [1, epochs − 1] (HW0307).</summary>
    public int? SteFrom { get; init; }

    /// <summary>beta in epoch <paramref name="epoch"/> of <paramref name="epochs"/>: <c>from (to/from)^(e/(E-1))</c>, E the
    /// relaxed epochs (<see cref="SteFrom"/> when set, else all).</summary>
    /// <param name="epoch">0-based epoch.</param>
    /// <param name="epochs">Number of epochs.</param>
    public double BetaAt(int epoch, int epochs)
    {
        var relaxed = SteFrom is int k ? Math.Min(k, epochs) : epochs;
        return relaxed <= 1 ? BetaTo : BetaFrom * Math.Pow(BetaTo / BetaFrom, (double)Math.Min(epoch, relaxed - 1) / (relaxed - 1));
    }

    /// <summary>True when epoch <paramref name="epoch"/> (0-based) trains with the straight-through estimator.</summary>
    /// <param name="epoch">0-based epoch.</param>
    public bool IsSteAt(int epoch) => SteFrom is int k && epoch >= k;

    /// <inheritdoc />
    public override string ToString() =>
        $"Sigmoid(beta {Format.Value(BetaFrom)} -> {Format.Value(BetaTo)}{(SteFrom is int k ? $", then Ste from epoch {k + 1}" : "")})";
}
