using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HwDsl.Sweeps;

/// <summary>
/// The parameter names a script reads: the string literals in its <c>Param("name", fallback)</c> calls, in the
/// script and every file it <c>#load</c>s (transitively). Found by parsing, not running, so a sweep is checked
/// before a single point starts.
/// </summary>
public sealed record ScriptParameters(IReadOnlyList<string> Names, IReadOnlyList<string> Files, IReadOnlyList<string> NonLiteral)
{
    /// <summary>Parses <paramref name="script"/> and what it loads.</summary>
    public static ScriptParameters Find(string script)
    {
        var full = Path.GetFullPath(script);
        if (!File.Exists(full)) throw new SweepException($"script '{script}' does not exist.");
        var names = new List<string>();
        var files = new List<string>();
        var nonLiteral = new List<string>();
        var pending = new Queue<string>([full]);
        while (pending.TryDequeue(out var file))
        {
            if (files.Contains(file)) continue;
            files.Add(file);
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(kind: SourceCodeKind.Script), file);
            var root = tree.GetRoot();
            foreach (var load in root.DescendantTrivia().Select(t => t.GetStructure()).OfType<LoadDirectiveTriviaSyntax>())
            {
                var target = load.File.ValueText;
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                if (!File.Exists(resolved)) throw new SweepException($"{file}({load.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): #load \"{target}\" does not exist.");
                pending.Enqueue(resolved);
            }
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(IsParam))
            {
                if (call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                {
                    if (!names.Contains(literal.Token.ValueText)) names.Add(literal.Token.ValueText);
                }
                else nonLiteral.Add($"{Path.GetFileName(file)}({call.GetLocation().GetLineSpan().StartLinePosition.Line + 1})");
            }
        }
        return new ScriptParameters(names, files, nonLiteral);
    }

    /// <summary>Throws when a swept name is not one the script reads, naming the names it does read.</summary>
    public void Check(IEnumerable<string> swept, Func<string, string> sourceOf, string script)
    {
        foreach (var name in swept)
        {
            if (Names.Contains(name)) continue;
            var known = Names.Count == 0 ? "it reads none" : $"it reads: {string.Join(", ", Names)}";
            var hint = NonLiteral.Count > 0 ? $" (Param calls with a non-literal name at {string.Join(", ", NonLiteral)} cannot be checked; name parameters with string literals)" : "";
            throw new SweepException($"{sourceOf(name)}: '{name}' is not a parameter of {Path.GetFileName(script)}: no Param(\"{name}\", ...) in it or what it #loads; {known}{hint}.");
        }
    }

    // Param("x", 1), Param<int>("x", 1), and a qualified form such as Globals.Param("x", 1).
    private static bool IsParam(InvocationExpressionSyntax call) => call.Expression switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "Param" } => true,
        GenericNameSyntax { Identifier.ValueText: "Param" } => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Param" } => true,
        _ => false,
    };
}
