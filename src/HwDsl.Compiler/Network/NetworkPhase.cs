namespace HwDsl.Compiler;

/// <summary>How a compiled network computes its forward pass.</summary>
public enum NetworkPhase
{
    /// <summary>Software: float weights and activations, no hardware effects (float training, the software baseline).</summary>
    Float,

    /// <summary>Hardware-aware training: weights and activations go through the relaxation or the straight-through estimator.</summary>
    Train,

    /// <summary>As the deployed hardware computes: programmed (optionally noisy) conductances, hard quantizers.</summary>
    Deployed,
}
