namespace HwDsl.Compiler;

/// <summary>How one weight is stored in conductance elements.</summary>
public enum WeightMapping
{
    /// <summary>w = w_max·(G⁺ − G⁻): a positive weight programs G⁺ and leaves G⁻ at level 0, a negative one the reverse.</summary>
    DifferentialPair,

    /// <summary>w = w_max·2·(G − ½): one element against a fixed reference conductance ½ in the periphery.</summary>
    SingleWithReference,
}
