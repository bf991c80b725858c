namespace HwDsl.Compiler;

/// <summary>A final value of the bound model and where it came from (the script, a preset, a default, or the device).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value the compiled network uses.</param>
/// <param name="Where">Its provenance.</param>
public readonly record struct Bound<T>(T Value, Provenance Where)
{
    /// <inheritdoc />
    public override string ToString() => $"{Value} [{Where}]";
}
