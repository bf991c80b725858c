namespace HwDsl;

/// <summary>Relaxations for hardware-aware training.</summary>
public static class Relaxation
{
    /// <summary>Sum of sigmoids with beta annealed geometrically per epoch from <paramref name="beta"/> to <paramref name="to"/>.</summary>
    /// <param name="beta">beta in the first epoch, &gt; 0.</param>
    /// <param name="to">beta in the last epoch, ≥ <paramref name="beta"/>; null keeps beta constant.</param>
    public static RelaxationSpec Sigmoid(double beta, double? to = null) => new SigmoidRelaxation(beta, to ?? beta);

    /// <summary>Straight-through estimator.</summary>
    public static RelaxationSpec Ste { get; } = new SteRelaxation();
}
