using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// Completion and parameter help for the REPL. The candidates come from Roslyn's completion service
/// (Microsoft.CodeAnalysis.CSharp.Features) over the session so far plus the text being edited; each is then looked up in
/// the semantic model to rank it (the session's variables, then the DSL and the globals, then the rest, then
/// <see cref="object"/>'s members) and to show its kind, signature and XML-doc summary.
/// </summary>
public sealed class ReplCompletion
{
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal) { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals" };
    private readonly ReplWorkspace _workspace = new();

    /// <summary>Adds a submission that ran, so later completions see its variables.</summary>
    public void Add(string code) => _workspace.Add(code);

    /// <summary>Starts the (slow, once) composition of Roslyn's services in the background.</summary>
    public void Warm() => Task.Run(() =>
    {
        try { Complete("Hardware.DifferentialPair().", 28); Signature("Hardware.DifferentialPair().WeightBits(", 39); }
        catch (Exception e) when (e is not OutOfMemoryException) { /* the first real request will report nothing instead */ }
    });

    /// <summary>The candidates for the word ending at <paramref name="caret"/> in <paramref name="text"/> (the edited submission).</summary>
    public CompletionResult Complete(string text, int caret)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (document, offset) = _workspace.Document(text);
        var position = offset + caret;
        var service = CompletionService.GetService(document);
        if (service is null) return CompletionResult.Empty(caret);
        var list = service.GetCompletionsAsync(document, position).GetAwaiter().GetResult();
        var start = list.Span.Start - offset;
        if (start < 0 || start > caret) start = caret;
        var typed = text[start..caret];
        var model = document.GetSemanticModelAsync().GetAwaiter().GetResult()!;
        var symbols = Symbols(model, position, start + offset);

        var entries = new List<(CompletionEntry Entry, string SortText)>();
        foreach (var item in list.ItemsList.DistinctBy(i => i.DisplayText))
        {
            if (!Matches(item.FilterText, typed)) continue;
            var found = symbols.TryGetValue(item.DisplayText, out var overloads) ? overloads : null;
            var kind = found is { Count: > 0 } ? SymbolText.Kind(found[0]) : item.Tags.Contains(Microsoft.CodeAnalysis.Tags.WellKnownTags.Keyword) ? "keyword" : item.Tags.FirstOrDefault()?.ToLowerInvariant() ?? "";
            entries.Add((new CompletionEntry(item.DisplayText, kind, Rank(item.DisplayText, found),
                () => found is { Count: > 0 } ? SymbolText.Describe(found) : null,
                () => found is { Count: > 0 } ? SymbolText.Summary(found[0]) : null), item.SortText));
        }
        var ordered = entries
            .OrderBy(e => e.Entry.Rank)
            .ThenBy(e => !e.Entry.Name.StartsWith(typed, StringComparison.Ordinal))
            .ThenBy(e => e.SortText, StringComparer.OrdinalIgnoreCase)
            .Select(e => e.Entry).ToList();
        return new CompletionResult(start, ordered);
    }

    /// <summary>Parameter help for the call whose argument list holds <paramref name="caret"/>, or null outside a call.</summary>
    public SignatureHint? Signature(string text, int caret)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (document, offset) = _workspace.Document(text);
        var position = offset + caret;
        var root = document.GetSyntaxRootAsync().GetAwaiter().GetResult()!;
        if (ReplSignatures.ArgumentList(root, position) is not { } arguments) return null;
        var model = document.GetSemanticModelAsync().GetAwaiter().GetResult()!;
        return ReplSignatures.For(model, arguments, position);
    }

    /// <summary>True when <paramref name="filter"/> starts with <paramref name="typed"/> (any case) or its capitals spell it (<c>WB</c> → WeightBits).</summary>
    internal static bool Matches(string filter, string typed)
    {
        if (typed.Length == 0 || filter.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) return true;
        var humps = string.Concat(filter.Where((c, i) => i == 0 || char.IsUpper(c)));
        return typed.All(char.IsUpper) && humps.StartsWith(typed, StringComparison.Ordinal);
    }

    // Members of the receiver after "x." (with the DSL's extension methods), else everything in scope; by name.
    private static Dictionary<string, List<ISymbol>> Symbols(SemanticModel model, int position, int wordStart)
    {
        var root = model.SyntaxTree.GetRoot();
        var token = root.FindToken(Math.Max(0, wordStart - 1));
        IEnumerable<ISymbol> symbols;
        if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DotToken) && token.Parent is MemberAccessExpressionSyntax access)
        {
            var receiver = model.GetSymbolInfo(access.Expression).Symbol;
            symbols = receiver is INamespaceOrTypeSymbol container
                ? model.LookupSymbols(position, container)
                : model.GetTypeInfo(access.Expression).Type is { } type ? model.LookupSymbols(position, type, includeReducedExtensionMethods: true) : [];
        }
        else
        {
            symbols = model.LookupSymbols(position);
        }
        var byName = new Dictionary<string, List<ISymbol>>(StringComparer.Ordinal);
        foreach (var s in symbols)
        {
            if (!byName.TryGetValue(s.Name, out var group)) byName[s.Name] = group = [];
            group.Add(s);
        }
        return byName;
    }

    private static int Rank(string name, List<ISymbol>? symbols)
    {
        if (symbols is not { Count: > 0 }) return ObjectMembers.Contains(name) ? 3 : 2;
        var s = symbols[0];
        if (IsObjectMember(s)) return 3;
        if (s is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol || s.ContainingType?.IsScriptClass == true) return 0;
        if (s is INamedTypeSymbol { IsStatic: true } holder && holder.Name.EndsWith("Extensions", StringComparison.Ordinal)) return 2;   // the vocabulary's files, not its words
        var assembly = (s is IMethodSymbol { ReducedFrom: { } original } ? original : s).ContainingAssembly?.Name;
        return assembly?.StartsWith("HwDsl", StringComparison.Ordinal) == true ? 1 : 2;
    }

    // object's members, and the overrides of them (a record's Equals, ToString, ...).
    private static bool IsObjectMember(ISymbol symbol)
    {
        for (var s = symbol; s is not null; s = s is IMethodSymbol { OverriddenMethod: { } m } ? m : s is IPropertySymbol { OverriddenProperty: { } p } ? p : null)
            if (s.ContainingType?.SpecialType == SpecialType.System_Object) return true;
        return ObjectMembers.Contains(symbol.Name) && symbol is IMethodSymbol { IsOverride: true } or IMethodSymbol { Name: "Equals" or "GetHashCode" or "ToString" };
    }
}
