namespace HwDsl.Contracts;

/// <summary>
/// One parameter of a device model, described so that a host can list, validate and document it.
/// </summary>
/// <param name="Name">The name scripts use, e.g. <c>"drift_nu"</c>; unique within the device (case-insensitive).</param>
/// <param name="Unit">The unit, e.g. <c>"uS"</c>, <c>"s"</c>, <c>"1"</c> for a pure number, <c>"fraction of Gmax"</c>.</param>
/// <param name="Min">Smallest allowed value (inclusive).</param>
/// <param name="Max">Largest allowed value (inclusive).</param>
/// <param name="Default">The value used when neither a preset nor the script sets it; within [Min, Max].</param>
/// <param name="Description">One line: what it does and, where it has one, its equation symbol.</param>
public sealed record DeviceParameter(string Name, string Unit, double Min, double Max, double Default, string Description)
{
    /// <summary>True when <paramref name="value"/> is a number within [<see cref="Min"/>, <see cref="Max"/>].</summary>
    /// <param name="value">A candidate value.</param>
    public bool Allows(double value) => !double.IsNaN(value) && value >= Min && value <= Max;

    /// <summary>"name in [min, max] unit", the unit in words, for messages and listings: <c>drift_scale in [0, 10] dimensionless</c>.</summary>
    public override string ToString() => $"{Name} in [{Min:G6}, {Max:G6}] {UnitWords.Of(Unit)}";
}
