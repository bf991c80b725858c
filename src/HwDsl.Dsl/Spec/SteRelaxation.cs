namespace HwDsl;

/// <summary>Straight-through estimator: hard staircase forward, identity gradient backward.</summary>
public sealed record SteRelaxation : RelaxationSpec
{
    /// <inheritdoc />
    public override string ToString() => "Ste";
}
