namespace HwDsl;

/// <summary>How a pixel intensity in [0, 1] becomes an input spike on an axon.</summary>
public enum InputEncoding
{
    /// <summary>One deterministic spike when the pixel is ≥ the encoding threshold (the same every tick).</summary>
    Threshold,

    /// <summary>A spike with probability equal to the pixel intensity, drawn afresh every tick from a seeded generator.</summary>
    Stochastic,
}
