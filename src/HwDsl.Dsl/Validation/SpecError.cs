namespace HwDsl;

/// <summary>One validation failure, formatted like a compiler diagnostic: <c>rram.csx(4): error HW0102: …</c>.</summary>
/// <param name="Code">Stable rule code (see <see cref="RuleCodes"/>).</param>
/// <param name="Parameter">The offending parameter, e.g. <c>OnOffRatio</c> or <c>layers[1].ActivationBits</c>.</param>
/// <param name="Value">The offending value, formatted (<c>0.5</c>, <c>NaN</c>, <c>∞</c>).</param>
/// <param name="Message">What is wrong and what is allowed, naming parameter and value.</param>
/// <param name="Where">Where the offending value was set.</param>
public sealed record SpecError(string Code, string Parameter, string Value, string Message, Provenance Where)
{
    /// <summary>Caller file, or null.</summary>
    public string? File => Where.File;

    /// <summary>Caller line, or 0.</summary>
    public int Line => Where.Line;

    /// <inheritdoc />
    public override string ToString() =>
        Where.HasLocation ? $"{Where.Location}: error {Code}: {Message}" : $"error {Code}: {Message}";
}
