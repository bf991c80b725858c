namespace HwDsl.Compiler;

/// <summary>How often one analog layer's ADCs saturated: outputs beyond ±B over outputs converted (deployed passes only).</summary>
/// <param name="Layer">The layer's index among the weight layers.</param>
/// <param name="Saturated">Outputs clipped at ±B.</param>
/// <param name="Converted">Outputs converted.</param>
public sealed record LayerSaturation(int Layer, long Saturated, long Converted)
{
    /// <summary>Saturated / converted (0 when nothing was converted).</summary>
    public double Fraction => Converted == 0 ? 0 : (double)Saturated / Converted;
}
