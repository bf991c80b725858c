namespace HwDsl;

/// <summary>How a trained weight x = w/w_max picks its level when it is programmed (Muller &amp; Indiveri 2015; papers.md §4).</summary>
public enum WeightRounding
{
    /// <summary>The nearest intended level (the default; at an exact midpoint the upper one).</summary>
    Nearest,

    /// <summary>
    /// Stochastic rounding: between the neighbouring levels p_k ≤ x &lt; p_(k+1), the upper one with probability
    /// (x − p_k)/(p_(k+1) − p_k), so the programmed level is unbiased, E[p] = x. Draws are seeded by (seed, sample, layer).
    /// </summary>
    Stochastic,
}
