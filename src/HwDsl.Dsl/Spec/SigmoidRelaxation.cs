namespace HwDsl;

/// <summary>
/// Sum-of-sigmoids relaxation <c>S_beta(x) = q_0 + sum_k (q_k - q_(k-1)) sigmoid(beta (x - t_k))</c>,
/// beta annealed geometrically per epoch from <see cref="BetaFrom"/> to <see cref="BetaTo"/>.
/// </summary>
/// <param name="BetaFrom">beta in the first epoch, &gt; 0.</param>
/// <param name="BetaTo">beta in the last epoch, ≥ <paramref name="BetaFrom"/>.</param>
public sealed record SigmoidRelaxation(double BetaFrom, double BetaTo) : RelaxationSpec
{
    /// <summary>beta in epoch <paramref name="epoch"/> of <paramref name="epochs"/>: <c>from (to/from)^(e/(E-1))</c>.</summary>
    /// <param name="epoch">0-based epoch.</param>
    /// <param name="epochs">Number of epochs.</param>
    public double BetaAt(int epoch, int epochs) =>
        epochs <= 1 ? BetaTo : BetaFrom * Math.Pow(BetaTo / BetaFrom, (double)epoch / (epochs - 1));

    /// <inheritdoc />
    public override string ToString() => $"Sigmoid(beta {Format.Value(BetaFrom)} -> {Format.Value(BetaTo)})";
}
