namespace HwDsl;

/// <summary>Relaxations for hardware-aware training.</summary>
public static class Relaxation
{
    /// <summary>Sum of sigmoids with beta annealed geometrically per epoch from <paramref name="beta"/> to <paramref name="to"/>.</summary>
    /// <param name="beta">beta in the first epoch, &gt; 0.</param>
    /// <param name="to">beta in the last epoch, ≥ <paramref name="beta"/>; null keeps beta constant.</param>
    public static RelaxationSpec Sigmoid(double beta, double? to = null) => new SigmoidRelaxation(beta, to ?? beta);

    /// <summary>
    /// The relaxation annealed into the straight-through estimator: the sum of sigmoids with beta annealed geometrically from
    /// <paramref name="beta"/> to <paramref name="to"/> over the first <paramref name="steFrom"/> epochs, then STE for the
    /// rest (so that the last epochs train the hard staircase that is deployed). <paramref name="steFrom"/> in [1, epochs − 1] (HW0307).
    /// </summary>
    /// <param name="beta">beta in the first epoch, &gt; 0.</param>
    /// <param name="to">beta in the last relaxed epoch, ≥ <paramref name="beta"/>.</param>
    /// <param name="steFrom">Relaxed epochs; training switches to STE from this (0-based) epoch on.</param>
    public static RelaxationSpec SigmoidThenSte(double beta, double to, int steFrom) => new SigmoidRelaxation(beta, to) { SteFrom = steFrom };

    /// <summary>Straight-through estimator.</summary>
    public static RelaxationSpec Ste { get; } = new SteRelaxation();
}
