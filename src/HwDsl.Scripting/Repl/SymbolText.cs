using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace HwDsl.Scripting.Repl;

/// <summary>How the REPL names a symbol: its kind in a word, a one-line signature, and the summary of its XML docs.</summary>
internal static partial class SymbolText
{
    private static readonly SymbolDisplayFormat Signature = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
                          | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeOptionalBrackets,
        localOptions: SymbolDisplayLocalOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
                              | SymbolDisplayMiscellaneousOptions.AllowDefaultLiteral);

    /// <summary>The parameter list alone, for parameter help: <c>int bits</c>.</summary>
    internal static readonly SymbolDisplayFormat Parameter = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
                          | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The symbol's kind as a word: method, extension, property, field, class, variable, ...</summary>
    public static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { ReducedFrom: not null } or IMethodSymbol { IsExtensionMethod: true } => "extension",
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enum value",
        IFieldSymbol f when f.ContainingType?.IsScriptClass == true => "variable",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        ILocalSymbol or IRangeVariableSymbol => "variable",
        IParameterSymbol => "parameter",
        INamespaceSymbol => "namespace",
        INamedTypeSymbol { IsRecord: true } => "record",
        INamedTypeSymbol t => t.TypeKind switch
        {
            TypeKind.Interface => "interface",
            TypeKind.Struct => "struct",
            TypeKind.Enum => "enum",
            TypeKind.Delegate => "delegate",
            _ => "class",
        },
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The parameters a caller writes: without those the compiler fills in ([CallerFilePath] and the like, which the DSL
    /// uses to record where each value was set).
    /// </summary>
    public static IReadOnlyList<IParameterSymbol> Visible(IMethodSymbol method) =>
        [.. method.Parameters.Where(p => !p.GetAttributes().Any(a => a.AttributeClass?.Name is "CallerFilePathAttribute" or "CallerLineNumberAttribute"
            or "CallerMemberNameAttribute" or "CallerArgumentExpressionAttribute"))];

    /// <summary>One line: <c>HardwareBuilder WeightBits(int bits)</c>, with "(+N overloads)" for a method group.</summary>
    public static string Describe(IReadOnlyList<ISymbol> overloads)
    {
        var first = overloads[0];
        var text = first switch
        {
            IMethodSymbol m => Method(m),
            INamespaceSymbol n => "namespace " + n.ToDisplayString(),
            INamedTypeSymbol t => t.ToDisplayString(Signature) + (t.ContainingNamespace is { IsGlobalNamespace: false } ns ? $" in {ns.ToDisplayString()}" : ""),
            _ => first.ToDisplayString(Signature),
        };
        var more = overloads.Count(o => o is IMethodSymbol) - 1;
        return more > 0 ? $"{text} (+{more} overload{(more > 1 ? "s" : "")})" : text;
    }

    // An extension method reads as the receiver's member, its type arguments inferred: HardwareBuilder WeightBits(int bits).
    private static string Method(IMethodSymbol m)
    {
        var generics = m.ReducedFrom is null && m.TypeParameters.Length > 0 ? "<" + string.Join(", ", m.TypeParameters.Select(t => t.Name)) + ">" : "";
        var returns = m.MethodKind == MethodKind.Constructor ? "" : m.ReturnType.ToDisplayString(Parameter) + " ";
        var name = m.MethodKind == MethodKind.Constructor ? m.ContainingType.Name : m.Name;
        return $"{returns}{name}{generics}({string.Join(", ", Visible(m).Select(p => p.ToDisplayString(Parameter)))})";
    }

    /// <summary>The summary of the symbol's XML docs on one line, or null when it has none.</summary>
    public static string? Summary(ISymbol symbol) => Element(symbol, "summary");

    /// <summary>The doc text of parameter <paramref name="name"/> of <paramref name="method"/>, or null.</summary>
    public static string? ParameterDoc(IMethodSymbol method, string name) => Element(method, "param", name);

    private static string? Element(ISymbol symbol, string element, string? name = null)
    {
        var source = symbol is IMethodSymbol { ReducedFrom: { } original } ? original : symbol.OriginalDefinition;
        var xml = source.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var node = XElement.Parse(xml).Elements(element).FirstOrDefault(e => name is null || (string?)e.Attribute("name") == name);
            return node is null ? null : Flatten(node) is { Length: > 0 } text ? text : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    // <see cref="T:HwDsl.Hardware"/> → Hardware, <paramref name="x"/> → x, <c>code</c> → code; whitespace collapsed.
    private static string Flatten(XElement node)
    {
        var parts = node.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => (string?)e.Attribute("langword") ?? Last((string?)e.Attribute("cref") ?? (string?)e.Attribute("href") ?? e.Value),
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
            XElement e => Flatten(e),
            _ => "",
        });
        return Spaces().Replace(string.Concat(parts), " ").Trim();
    }

    private static string Last(string cref)
    {
        var name = cref.Contains(':') ? cref[(cref.IndexOf(':') + 1)..] : cref;
        name = name.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
