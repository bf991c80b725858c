namespace HwDsl;

/// <summary>Collects errors during a freeze.</summary>
internal sealed class Errors
{
    private readonly List<SpecError> list = [];

    internal bool Any => list.Count > 0;

    internal void Add(string code, string parameter, object? value, string message, Provenance where) =>
        list.Add(new SpecError(code, parameter, Format.Value(value), message, where));

    internal void AddRange(IEnumerable<SpecError> errors) => list.AddRange(errors);

    /// <summary>The errors, duplicates removed (a global value judged once per layer reports once).</summary>
    internal IReadOnlyList<SpecError> Distinct() => [.. list.Distinct()];
}
