using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HwDsl.Scripting.Repl;

/// <summary>Parameter help from the semantic model: which call the caret is in, its overloads, and which argument is being typed.</summary>
internal static class ReplSignatures
{
    /// <summary>The innermost argument list of a call or <c>new</c> whose parentheses hold <paramref name="position"/>.</summary>
    public static BaseArgumentListSyntax? ArgumentList(SyntaxNode root, int position)
    {
        var token = root.FindToken(Math.Max(0, position - 1));
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            if (node is ArgumentListSyntax list && list.Parent is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                && list.OpenParenToken.Span.End <= position && (list.CloseParenToken.IsMissing || position <= list.CloseParenToken.SpanStart))
                return list;
            // A lambda or a block between the caret and the call: help for the call would be about the wrong thing.
            if (node is StatementSyntax or AnonymousFunctionExpressionSyntax && node.Span.Contains(position) && node.SpanStart < position) return null;
        }
        return null;
    }

    public static SignatureHint? For(SemanticModel model, BaseArgumentListSyntax arguments, int position)
    {
        var (name, candidates) = arguments.Parent switch
        {
            InvocationExpressionSyntax call => (Name(call.Expression), model.GetMemberGroup(call.Expression).OfType<IMethodSymbol>().ToList()),
            BaseObjectCreationExpressionSyntax creation when model.GetTypeInfo(creation).Type is INamedTypeSymbol type =>
                (type.Name, type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList()),
            _ => ("", new List<IMethodSymbol>()),
        };
        if (candidates.Count == 0) return null;

        var index = arguments.Arguments.GetSeparators().Count(s => s.SpanStart < position);
        var named = index < arguments.Arguments.Count ? arguments.Arguments[index].NameColon?.Name.Identifier.ValueText : null;
        var chosen = model.GetSymbolInfo(arguments.Parent!).Symbol as IMethodSymbol;
        if (chosen is null || !Fits(chosen, index, named))
            chosen = candidates.OrderBy(m => m.Parameters.Length).FirstOrDefault(m => Fits(m, index, named)) ?? candidates[0];

        var parameters = SymbolText.Visible(chosen);
        var current = named is not null
            ? parameters.ToList().FindIndex(p => p.Name == named)
            : index < parameters.Count ? index : parameters.Count > 0 && parameters[^1].IsParams ? parameters.Count - 1 : -1;
        return new SignatureHint(name, [.. parameters.Select(p => p.ToDisplayString(SymbolText.Parameter))], current, candidates.Count,
            SymbolText.Summary(chosen), current >= 0 && SymbolText.ParameterDoc(chosen, parameters[current].Name) is { } doc ? $"{parameters[current].Name}: {doc}" : null);
    }

    private static bool Fits(IMethodSymbol method, int index, string? named)
    {
        var parameters = SymbolText.Visible(method);
        return named is not null ? parameters.Any(p => p.Name == named) : index < parameters.Count || (parameters.Count > 0 && parameters[^1].IsParams);
    }

    private static string Name(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => expression.ToString(),
    };
}
