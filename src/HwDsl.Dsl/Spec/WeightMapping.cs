namespace HwDsl;

/// <summary>How a signed weight is stored in conductances.</summary>
public enum WeightMapping
{
    /// <summary><c>w = alpha (G+ - G-)</c>: two elements per weight, each with its own on/off ratio, non-linearity and scale.</summary>
    DifferentialPair,

    /// <summary><c>w = alpha (G - G_ref)</c>: one element per weight against a fixed reference (no asymmetry, no second element).</summary>
    SingleWithReference,
}
