using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// Restarting the REPL's submission chain: the session's declarations (usings, <c>#r</c>/<c>#load</c>, types, methods)
/// are replayed as one submission, then every variable whose type can be named outside the session is carried over by
/// value through <see cref="ScriptGlobals.Carried"/>. Statements are not replayed, so nothing trains twice.
/// </summary>
internal sealed class ReplChain
{
    private readonly List<string> _declarations = [];

    /// <summary>The declarations seen so far, as source.</summary>
    public IReadOnlyList<string> Declarations => _declarations;

    /// <summary>Keeps the declarations of a submission that compiled and ran.</summary>
    public void Add(string code)
    {
        var root = (CompilationUnitSyntax)SyntaxFactory.ParseSyntaxTree(code, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script)).GetRoot();
        var text = new StringBuilder();
        foreach (var d in root.GetReferenceDirectives()) text.AppendLine(d.ToString());
        foreach (var d in root.GetLoadDirectives()) text.AppendLine(d.ToString());
        foreach (var u in root.Usings) text.AppendLine(u.WithoutTrivia().ToString());
        foreach (var m in root.Members.Where(m => m is not GlobalStatementSyntax and not FieldDeclarationSyntax))
            text.AppendLine(m.WithoutLeadingTrivia().ToString());
        if (text.Length > 0) _declarations.Add(text.ToString());
    }

    /// <summary>The newest value of each variable in the chain ending at <paramref name="state"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Latest(ScriptState<object?>? state)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (state is null) return values;
        foreach (var v in state.Variables) values[v.Name] = v.Value;   // later submissions shadow earlier ones
        return values;
    }

    /// <summary>A new chain with the same declarations and carried variables; also the names that could not be carried.</summary>
    public async Task<(ScriptState<object?> State, IReadOnlyList<string> Dropped)> RestartAsync(ScriptState<object?>? old, ScriptGlobals globals, CancellationToken cancel)
    {
        var variables = new Dictionary<string, ScriptVariable>(StringComparer.Ordinal);
        if (old is not null)
            foreach (var v in old.Variables) variables[v.Name] = v;
        var options = ScriptCompiler.Options(null).WithFilePath("repl[restart]");
        var state = await CSharpScript.RunAsync(string.Join("\n", _declarations), options, globals, typeof(ScriptGlobals), cancellationToken: cancel).ConfigureAwait(false);

        globals.Carried.Clear();
        var lines = new List<(string Name, string Code)>();
        var dropped = new List<string>();
        foreach (var v in variables.Values)
        {
            if (TypeName(v.Type) is not { } type)
            {
                dropped.Add(v.Name);
                continue;
            }
            globals.Carried[v.Name] = v.Value;
            lines.Add((v.Name, $"{type} {v.Name} = ({type})Carried[\"{v.Name}\"]!;"));
        }
        try
        {
            if (lines.Count > 0) state = await state.ContinueWithAsync(string.Join("\n", lines.Select(l => l.Code)), options, cancel).ConfigureAwait(false);
        }
        catch (CompilationErrorException)
        {
            // One type name the session cannot see spoils the batch: carry them one by one and drop the ones that fail.
            foreach (var (name, code) in lines)
            {
                try { state = await state.ContinueWithAsync(code, options, cancel).ConfigureAwait(false); }
                catch (CompilationErrorException) { dropped.Add(name); }
            }
        }
        globals.Carried.Clear();
        return (state, dropped);
    }

    /// <summary>C# source for <paramref name="type"/>, or null when it cannot be named outside the session (declared in a submission, anonymous).</summary>
    internal static string? TypeName(Type type)
    {
        if (type.IsArray) return TypeName(type.GetElementType()!) is { } e ? e + "[" + new string(',', type.GetArrayRank() - 1) + "]" : null;
        if (type.Assembly.IsDynamic || type.Assembly.GetName().Name?.StartsWith('ℛ') == true || type.Name.Contains('<', StringComparison.Ordinal)
            || type.IsPointer || type.IsByRef || type.IsGenericParameter) return null;
        if (type.IsNested && !type.IsNestedPublic) return null;
        if (!type.IsNested && !type.IsPublic) return null;
        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + Simple(type) : "global::" + (type.Namespace is { } ns ? ns + "." : "") + Simple(type);
        if (!type.IsGenericType) return name;
        var args = type.GetGenericArguments().Select(TypeName).ToArray();
        return args.Any(a => a is null) ? null : name + "<" + string.Join(", ", args) + ">";
    }

    private static string Simple(Type type) => type.Name.Split('`')[0];
}
