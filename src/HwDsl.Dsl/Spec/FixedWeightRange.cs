namespace HwDsl;

/// <summary>A fixed <c>w_max</c>.</summary>
/// <param name="Value">w_max, &gt; 0 and finite.</param>
public sealed record FixedWeightRange(double Value) : WeightRange
{
    /// <inheritdoc />
    public override string ToString() => $"Fixed({Format.Value(Value)})";
}
