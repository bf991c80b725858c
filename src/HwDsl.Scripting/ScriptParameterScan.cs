using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HwDsl.Scripting;

/// <summary>
/// What the compiler learns about a script's <c>Param("name", fallback)</c> calls, so <c>--set</c> values are checked before
/// the script runs: the type each call converts to (<c>T</c>, from the fallback), and the names that only a branch the
/// script skips under <c>--quick</c> reads (<c>Quick ? 1 : Param("epochs", 10)</c>), whose <c>--set</c> value then has no effect.
/// </summary>
internal static class ScriptParameterScan
{
    /// <summary>Name → the types it is read as, each as <c>Namespace.Type, Assembly</c> (arrays end in <c>[]</c>).</summary>
    public static Dictionary<string, string[]> Types(Compilation compilation)
    {
        var types = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var (call, name) in Calls(tree.GetRoot()))
            {
                if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol { TypeArguments: [var t] } || Name(t) is not { } typeName) continue;
                var list = types.TryGetValue(name, out var l) ? l : types[name] = [];
                if (!list.Contains(typeName)) list.Add(typeName);
            }
        }
        return types.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Names read only where <c>Quick</c> is false: in the false branch of <c>Quick ? … : …</c> (or the true branch of <c>!Quick ? … : …</c>).</summary>
    public static string[] QuickOverridden(IEnumerable<SyntaxNode> roots)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
            foreach (var (call, name) in Calls(root))
                (OnlyWithoutQuick(call) ? skipped : read).Add(name);
        return [.. skipped.Except(read).Order(StringComparer.Ordinal)];
    }

    private static bool OnlyWithoutQuick(SyntaxNode node)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
            if (parent is ConditionalExpressionSyntax c && (c.WhenFalse == child && IsQuick(c.Condition) || c.WhenTrue == child && IsNotQuick(c.Condition)))
                return true;
        return false;
    }

    private static bool IsQuick(ExpressionSyntax e) => e is IdentifierNameSyntax { Identifier.Text: "Quick" } || e is ParenthesizedExpressionSyntax p && IsQuick(p.Expression);

    private static bool IsNotQuick(ExpressionSyntax e) => e is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } n && IsQuick(n.Operand)
        || e is ParenthesizedExpressionSyntax p && IsNotQuick(p.Expression);

    private static IEnumerable<(InvocationExpressionSyntax Call, string Name)> Calls(SyntaxNode root) =>
        root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => (i.Expression switch
            {
                IdentifierNameSyntax id => id.Identifier.Text,
                GenericNameSyntax g => g.Identifier.Text,
                MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
                _ => null,
            }) == "Param")
            .Select(i => (i, i.ArgumentList.Arguments.FirstOrDefault()?.Expression))
            .Where(p => p.Item2 is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(p => (p.i, ((LiteralExpressionSyntax)p.Item2!).Token.ValueText));

    /// <summary>A type name <see cref="Type.GetType(string)"/> can resolve, or null for types the script declares itself.</summary>
    private static string? Name(ITypeSymbol t) => t switch
    {
        IArrayTypeSymbol { Rank: 1 } a => Name(a.ElementType) is { } e ? e.Replace(",", "[],", StringComparison.Ordinal) : null,
        INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } n => Name(n.TypeArguments[0]) is { } inner
            ? $"System.Nullable`1[[{inner}]], System.Runtime" : null,
        INamedTypeSymbol { IsGenericType: false, ContainingAssembly: { } asm } n when n.ContainingType is null && !asm.Name.StartsWith('ℛ') && !asm.Name.Contains('#')
            => $"{(n.ContainingNamespace.IsGlobalNamespace ? "" : n.ContainingNamespace.ToDisplayString() + ".")}{n.MetadataName}, {asm.Name}",
        _ => null,
    };
}
