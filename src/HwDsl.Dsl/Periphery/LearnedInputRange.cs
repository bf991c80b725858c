namespace HwDsl;

/// <summary>A per-layer input clip range trained with the weights (<see cref="InputRange.Learned"/>).</summary>
/// <param name="Initial">The range before training.</param>
public sealed record LearnedInputRange(double Initial) : InputRange
{
    /// <inheritdoc />
    protected override double? CheckedBound => Initial;

    /// <inheritdoc />
    public override string ToString() => $"InputRange.Learned(from {Format.Value(Initial)})";
}
