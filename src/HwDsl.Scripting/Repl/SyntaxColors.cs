using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// Colours for the text being edited, from Roslyn's parser alone (fast enough for every key): keywords, strings,
/// numbers, comments, directives, methods (a name before <c>(</c>) and types (the DSL's, the imported framework
/// namespaces', and those the text declares). Each character gets an ANSI SGR code, or null for the default colour.
/// </summary>
internal static class SyntaxColors
{
    public const string Keyword = "94";
    public const string Control = "95";
    public const string String = "33";
    public const string Number = "92";
    public const string Comment = "32";
    public const string Type = "36";
    public const string Method = "93";
    public const string Directive = "90";

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    private static readonly Lazy<HashSet<string>> KnownTypes = new(() =>
    {
        var imported = ScriptCompiler.DefaultImports.ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in ScriptCompiler.HwDslAssemblies.Append(typeof(object).Assembly).Append(typeof(Enumerable).Assembly).Append(typeof(List<>).Assembly).Distinct())
        {
            Type[] types;
            try { types = assembly.GetExportedTypes(); }
            catch (Exception e) when (e is NotSupportedException or System.Reflection.ReflectionTypeLoadException) { continue; }
            foreach (var t in types.Where(t => !t.IsNested && t.Namespace is not null && imported.Contains(t.Namespace)))
                names.Add(t.Name.Split('`')[0]);
        }
        foreach (var keywordType in new[] { "Math", "Console", "TimeSpan", "DateTime" }) names.Add(keywordType);
        return names;
    });

    /// <summary>The colour of each character of <paramref name="text"/>.</summary>
    public static string?[] Of(string text)
    {
        var colors = new string?[text.Length];
        if (text.Length == 0 || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }) return colors;
        var root = SyntaxFactory.ParseSyntaxTree(text, Options).GetRoot();
        var declared = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
        {
            Paint(colors, token.Span, ColorOf(token, declared));
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia)) Paint(colors, trivia.Span, ColorOf(trivia));
        }
        return colors;
    }

    private static string? ColorOf(SyntaxToken token, HashSet<string> declared)
    {
        if (token.Parent is DirectiveTriviaSyntax || token.Parent?.Parent is DirectiveTriviaSyntax) return Directive;
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind) || SyntaxFacts.IsContextualKeyword(kind) && token.Parent is not IdentifierNameSyntax)
            return kind is SyntaxKind.IfKeyword or SyntaxKind.ElseKeyword or SyntaxKind.ForKeyword or SyntaxKind.ForEachKeyword or SyntaxKind.WhileKeyword
                or SyntaxKind.DoKeyword or SyntaxKind.ReturnKeyword or SyntaxKind.BreakKeyword or SyntaxKind.ContinueKeyword or SyntaxKind.SwitchKeyword
                or SyntaxKind.CaseKeyword or SyntaxKind.TryKeyword or SyntaxKind.CatchKeyword or SyntaxKind.FinallyKeyword or SyntaxKind.ThrowKeyword
                or SyntaxKind.AwaitKeyword or SyntaxKind.YieldKeyword or SyntaxKind.GotoKeyword ? Control : Keyword;
        switch (kind)
        {
            case SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringStartToken
                or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedRawStringEndToken
                or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken:
                return String;
            case SyntaxKind.NumericLiteralToken:
                return Number;
            case SyntaxKind.IdentifierToken when token.Parent is TypeSyntax { IsVar: true } or TypeSyntax { IsUnmanaged: true } or TypeSyntax { IsNotNull: true }
                                                 || token.Parent is IdentifierNameSyntax { Identifier.ValueText: "dynamic" or "nint" or "nuint" }:
                return Keyword;   // contextual keywords used as such: var x = ...
            case SyntaxKind.IdentifierToken:
                var next = token.GetNextToken();
                if (next.IsKind(SyntaxKind.OpenParenToken) && token.Parent is not (BaseTypeDeclarationSyntax or ObjectCreationExpressionSyntax)
                    && token.Parent?.Parent is not ObjectCreationExpressionSyntax) return Method;
                if (token.Parent is BaseTypeDeclarationSyntax) return Type;
                return KnownTypes.Value.Contains(token.ValueText) || declared.Contains(token.ValueText) ? Type : null;
            default:
                return null;
        }
    }

    private static string? ColorOf(SyntaxTrivia trivia) => trivia.Kind() switch
    {
        SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.SingleLineDocumentationCommentTrivia => Comment,
        SyntaxKind.BadDirectiveTrivia or SyntaxKind.ReferenceDirectiveTrivia or SyntaxKind.LoadDirectiveTrivia => Directive,
        _ => null,
    };

    private static void Paint(string?[] colors, Microsoft.CodeAnalysis.Text.TextSpan span, string? color)
    {
        if (color is null) return;
        for (var i = span.Start; i < span.End && i < colors.Length; i++) colors[i] = color;
    }
}
