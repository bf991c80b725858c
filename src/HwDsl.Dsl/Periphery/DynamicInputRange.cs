namespace HwDsl;

/// <summary>The per-vector abs-max input range (<see cref="InputRange.Dynamic"/>).</summary>
public sealed record DynamicInputRange : InputRange
{
    /// <inheritdoc />
    public override string ToString() => "InputRange.Dynamic";
}
