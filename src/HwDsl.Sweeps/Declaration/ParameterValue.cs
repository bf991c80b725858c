namespace HwDsl.Sweeps;

/// <summary>One parameter of a point, as the script receives it through <c>--set name=value</c>.</summary>
public sealed record ParameterValue(string Name, string Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}={Value}";
}
