namespace HwDsl;

/// <summary>
/// The rounding methods for low-resolution weights (Muller &amp; Indiveri 2015), in the DSL's terms:
/// <list type="bullet">
/// <item>round-to-nearest after training: <c>t.NaiveMapping()</c> (with <see cref="Nearest"/>, the default);</item>
/// <item>stochastic rounding after training: <c>t.NaiveMapping().Rounding(Rounding.Stochastic)</c>;</item>
/// <item>rounding in the training loop (quantized forward, high-resolution shadow weights, straight-through gradient):
/// <c>t.HardwareAware(Rounding.InTraining)</c>;</item>
/// <item>a fitted per-layer scale: <c>hw.WeightRange(Rounding.FittedScale)</c>, combinable with any of the above.</item>
/// </list>
/// </summary>
public static class Rounding
{
    /// <summary>Round to the nearest level when programming.</summary>
    public static WeightRounding Nearest => WeightRounding.Nearest;

    /// <summary>Round up with probability equal to the fractional position between the two neighbouring levels (unbiased).</summary>
    public static WeightRounding Stochastic => WeightRounding.Stochastic;

    /// <summary>Rounding in the training loop: the forward pass uses the rounded weights, the shadow weights keep full
    /// resolution and receive the straight-through gradient (the same as <see cref="Relaxation.Ste"/>).</summary>
    public static RelaxationSpec InTraining => Relaxation.Ste;

    /// <summary>A per-layer w_max fitted to minimize ‖W − s·Q(W/s)‖² (see <see cref="FittedWeightRange"/>).</summary>
    public static WeightRange FittedScale { get; } = new FittedWeightRange();
}
