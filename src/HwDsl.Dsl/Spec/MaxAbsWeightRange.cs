namespace HwDsl;

/// <summary><c>w_max = max |w|</c> per layer, from the current weights.</summary>
public sealed record MaxAbsWeightRange : WeightRange
{
    /// <inheritdoc />
    public override string ToString() => "MaxAbs";
}
