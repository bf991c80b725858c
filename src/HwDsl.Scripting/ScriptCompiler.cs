using System.Collections.Immutable;
using System.Reflection;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Training;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace HwDsl.Scripting;

/// <summary>
/// Compiles a <c>.csx</c> file with Roslyn: the default imports and references, <c>#load</c> relative to the script,
/// <c>#r</c> of assembly paths, the script's path as its file name (so [CallerFilePath] in the DSL names the script),
/// with a portable PDB (so failures name script lines).
/// </summary>
public static class ScriptCompiler
{
    /// <summary>Namespaces every script and REPL submission imports without writing <c>using</c>.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks",
        "HwDsl", "HwDsl.Compiler", "HwDsl.Experiments", "HwDsl.Data", "HwDsl.Training", "HwDsl.Scripting",
    ];

    /// <summary>The HwDsl assemblies scripts compile against (their identities key the compile cache).</summary>
    public static IReadOnlyList<Assembly> HwDslAssemblies { get; } =
    [
        typeof(ExperimentSpec).Assembly, typeof(NetworkCompiler).Assembly, typeof(ExperimentRunner).Assembly, typeof(Dataset).Assembly,
        typeof(Trainer).Assembly, typeof(HwDsl.Kernels.MacPool).Assembly, typeof(HwDsl.Contracts.IDeviceModel).Assembly,
        typeof(ScriptGlobals).Assembly,
    ];

    /// <summary>Script options: references, imports, the file path and its folder for <c>#load</c> / <c>#r</c>.</summary>
    public static ScriptOptions Options(string? filePath)
    {
        var baseDir = filePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(filePath)!;
        return ScriptOptions.Default
            .WithReferences(HwDslAssemblies.Append(typeof(Enumerable).Assembly).Append(typeof(ImmutableArray).Assembly))
            .WithImports(DefaultImports)
            .WithFilePath(filePath ?? "")
            .WithSourceResolver(new SourceFileResolver([], baseDir))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDir))
            .WithOptimizationLevel(OptimizationLevel.Debug)   // exact IL offsets, so failures map to script lines; the heavy lifting runs in HwDsl, optimized
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithLanguageVersion(LanguageVersion.Preview);
    }

    /// <summary>Compiles <paramref name="path"/>; throws <see cref="ScriptException"/> listing every compile error.</summary>
    public static CompiledScript Compile(string path)
    {
        var full = Path.GetFullPath(path);
        var code = File.ReadAllText(full);
        var script = CSharpScript.Create(code, Options(full), typeof(ScriptGlobals));
        var compilation = script.GetCompilation();
        ThrowOnErrors(compilation.GetDiagnostics());

        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        ThrowOnErrors(emitted.Diagnostics);

        var entry = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("the script compilation has no entry point");
        var loaded = compilation.SyntaxTrees.Select(t => t.FilePath).Where(p => p.Length > 0).Distinct().ToArray();
        var references = compilation.DirectiveReferences.OfType<PortableExecutableReference>()
            .Select(r => r.FilePath).OfType<string>().Distinct().ToArray();
        var parameters = compilation.SyntaxTrees.SelectMany(t => ParameterNames(t.GetRoot())).Distinct().Order(StringComparer.Ordinal).ToArray();
        return new CompiledScript(full, pe.ToArray(), pdb.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName,
            loaded, references, parameters)
        {
            ParameterTypes = ScriptParameterScan.Types(compilation),
            QuickOverridden = ScriptParameterScan.QuickOverridden(compilation.SyntaxTrees.Select(t => t.GetRoot())),
        };
    }

    /// <summary>The names a script reads with <c>Param("name", …)</c> / <c>Param&lt;T&gt;("name", …)</c>, found as string literals.</summary>
    public static IEnumerable<string> ParameterNames(SyntaxNode root) =>
        root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => (i.Expression switch
            {
                IdentifierNameSyntax id => id.Identifier.Text,
                GenericNameSyntax g => g.Identifier.Text,
                MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
                _ => null,
            }) == "Param")
            .Select(i => i.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(l => l.Token.ValueText);

    /// <summary>Throws a <see cref="ScriptException"/> with one <c>file(line,col): error CSxxxx: message</c> line per error.</summary>
    public static void ThrowOnErrors(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format).ToArray();
        if (errors.Length > 0) throw new ScriptException(string.Join("\n", errors));
    }

    /// <summary>A diagnostic as compilers print it, with the path relative to the working folder when it is below it.</summary>
    public static string Format(Diagnostic d)
    {
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var severity = d.Severity.ToString().ToLowerInvariant();
        if (!d.Location.IsInSource && d.Location.Kind != LocationKind.ExternalFile) return $"{severity} {d.Id}: {message}";
        var span = d.Location.GetMappedLineSpan();
        var start = span.StartLinePosition;
        return $"{ScriptPaths.Display(span.Path)}({start.Line + 1},{start.Character + 1}): {severity} {d.Id}: {message}";
    }
}
