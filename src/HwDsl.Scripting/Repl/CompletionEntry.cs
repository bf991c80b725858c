namespace HwDsl.Scripting.Repl;

/// <summary>One completion: the name to insert, its kind in a word, and (computed when shown) its signature and summary.</summary>
public sealed class CompletionEntry
{
    private readonly Lazy<string?> _signature;
    private readonly Lazy<string?> _summary;

    internal CompletionEntry(string name, string kind, int rank, Func<string?> signature, Func<string?> summary)
    {
        Name = name;
        Kind = kind;
        Rank = rank;
        _signature = new(signature);
        _summary = new(summary);
    }

    /// <summary>The text inserted, e.g. <c>WeightBits</c>.</summary>
    public string Name { get; }

    /// <summary>method, extension, property, variable, class, keyword, ...</summary>
    public string Kind { get; }

    /// <summary>0 the session's own variables, 1 the DSL and the globals, 2 the rest, 3 <see cref="object"/>'s members.</summary>
    public int Rank { get; }

    /// <summary>One line, e.g. <c>HardwareBuilder WeightBits(int bits)</c>; null for keywords.</summary>
    public string? Signature => _signature.Value;

    /// <summary>The XML-doc summary, or null.</summary>
    public string? Summary => _summary.Value;

    /// <inheritdoc />
    public override string ToString() => Name;
}
