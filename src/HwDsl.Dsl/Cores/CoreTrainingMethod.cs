namespace HwDsl;

/// <summary>How the binary crossbars of a core network are trained.</summary>
public enum CoreTrainingMethod
{
    /// <summary>
    /// Esser et al. 2015: connection probabilities p_ij ∈ [0, 1] are trained through a Gaussian approximation of each
    /// neuron's spike probability, Φ(μ/σ) with μ, σ² the mean and variance of the synaptic sum; deployment samples
    /// c_ij ~ Bernoulli(p_ij), and an ensemble is several crossbars sampled from the same probabilities.
    /// </summary>
    Probabilistic,

    /// <summary>
    /// Jimeno Yepes &amp; Tang 2016: real-valued shadow weights binarized at 0.5 in the forward pass (c_ij = [w_ij ≥ 0.5]) with a
    /// straight-through gradient; deployment is deterministic, and an ensemble is several independently trained networks.
    /// </summary>
    LearnedBinary,
}
