namespace HwDsl;

/// <summary>A fixed input range [0, <paramref name="Bound"/>] of the network's input DAC (<see cref="InputRange.Fixed"/>).</summary>
/// <param name="Bound">The full-scale input b.</param>
public sealed record FixedInputRange(double Bound) : InputRange
{
    /// <inheritdoc />
    public override bool IsIdentity => Bound == 1;

    /// <inheritdoc />
    protected override double? CheckedBound => Bound;

    /// <inheritdoc />
    public override string ToString() => $"InputRange.Fixed({Format.Value(Bound)})";
}
