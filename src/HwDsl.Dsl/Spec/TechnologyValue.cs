namespace HwDsl;

/// <summary>One constant of a <see cref="Technology"/> with its unit and where the number comes from.</summary>
/// <param name="Constant">Which constant.</param>
/// <param name="Value">Its value, in <paramref name="Unit"/> (SI).</param>
/// <param name="Unit">The unit, e.g. <c>J/step</c>.</param>
/// <param name="Source">The citation (paper, table, and how the number was derived), or the script line that set it.</param>
public sealed record TechnologyValue(CostConstant Constant, double Value, string Unit, string Source)
{
    /// <inheritdoc />
    public override string ToString() => $"{Constant} = {Format.Value(Value)} {Unit}";
}
