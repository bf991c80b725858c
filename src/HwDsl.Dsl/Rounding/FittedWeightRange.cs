namespace HwDsl;

/// <summary>
/// <c>w_max = s*</c> per layer, the scale that minimizes the layer's rounding error ‖W − s·Q(W/s)‖² (Q: nearest level,
/// as programmed), refitted from the current weights like <see cref="MaxAbsWeightRange"/>. Weights beyond s* clip to the
/// outer levels; that is what makes it better than max |w| at low bit widths, where one outlier would otherwise
/// stretch the whole grid.
/// </summary>
public sealed record FittedWeightRange : WeightRange
{
    /// <inheritdoc />
    public override string ToString() => "Fitted";
}
