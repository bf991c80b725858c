using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// The session as one Roslyn script document for completion and parameter help: every submission that ran, then the
/// text being edited, against the REPL's references (with their XML docs, so members show their summaries), imports and
/// globals. Submissions are kept as statements: a bare expression gets its <c>;</c>, and <c>#r</c> becomes a reference
/// of the project instead of a directive in the middle of the text.
/// </summary>
internal sealed class ReplWorkspace
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);
    private readonly Lazy<(AdhocWorkspace Workspace, ProjectId Project)> _workspace = new(Create);
    private readonly StringBuilder _session = new();
    private readonly List<string> _references = [];
    private Project? _project;

    /// <summary>The session's text before the edited one.</summary>
    public string Prefix => _session.ToString();

    /// <summary>Adds a submission that ran.</summary>
    public void Add(string code)
    {
        var root = (CompilationUnitSyntax)SyntaxFactory.ParseSyntaxTree(code, Parse).GetRoot();
        foreach (var r in root.GetReferenceDirectives())
            if (r.File.ValueText is { Length: > 0 } path && File.Exists(Path.GetFullPath(path))) _references.Add(Path.GetFullPath(path));
        // Directives are only allowed before any code; their lines stay (as blanks) so nothing else moves.
        var text = code;
        foreach (var d in root.GetReferenceDirectives().Cast<DirectiveTriviaSyntax>().Concat(root.GetLoadDirectives()).OrderByDescending(d => d.SpanStart))
            text = text[..d.SpanStart] + new string(' ', d.Span.Length) + text[d.Span.End..];
        _session.Append(text);
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } }) _session.Append(';');
        _session.Append('\n');
        _project = null;
    }

    /// <summary>The session plus <paramref name="text"/> as a document; positions in <paramref name="text"/> are offset by <see cref="Prefix"/>'s length.</summary>
    public (Document Document, int Offset) Document(string text)
    {
        var prefix = Prefix;
        var document = Project().AddDocument("session.csx", SourceText.From(prefix + text)).WithSourceCodeKind(SourceCodeKind.Script);
        return (document, prefix.Length);
    }

    private Project Project()
    {
        if (_project is not null) return _project;
        var (workspace, id) = _workspace.Value;
        var project = workspace.CurrentSolution.GetProject(id)!;
        foreach (var path in _references.Distinct()) project = project.AddMetadataReference(Reference(path));
        return _project = project;
    }

    private static (AdhocWorkspace, ProjectId) Create()
    {
        var workspace = new AdhocWorkspace(MefHostServices.Create(MefHostServices.DefaultAssemblies));
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var references = framework.Concat(ScriptCompiler.HwDslAssemblies.Select(a => a.Location)).Distinct().Select(Reference);
        var project = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "repl", "repl", LanguageNames.CSharp,
                isSubmission: true, hostObjectType: typeof(ScriptGlobals))
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ScriptCompiler.DefaultImports))
            .WithParseOptions(Parse);
        return (workspace, workspace.AddProject(project).Id);
    }

    /// <summary>A reference with its XML docs: beside the assembly (HwDsl's), or in the SDK's reference pack (the framework's).</summary>
    private static MetadataReference Reference(string path)
    {
        var xml = Path.ChangeExtension(path, ".xml");
        if (!File.Exists(xml) && FrameworkDocs.Value is { } docs)
            xml = Path.Combine(docs, (Path.GetFileName(path) == "System.Private.CoreLib.dll" ? "System.Runtime" : Path.GetFileNameWithoutExtension(path)) + ".xml");
        return File.Exists(xml) ? MetadataReference.CreateFromFile(path, documentation: XmlDocumentationProvider.CreateFromFile(xml)) : MetadataReference.CreateFromFile(path);
    }

    // <dotnet>/shared/Microsoft.NETCore.App/<v>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<v>/ref/net<major>.<minor>/ (present where an SDK is).
    private static readonly Lazy<string?> FrameworkDocs = new(() =>
    {
        try
        {
            var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
            var packs = Path.Combine(runtime.Parent!.Parent!.Parent!.FullName, "packs", "Microsoft.NETCore.App.Ref");
            var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
            return Directory.Exists(packs)
                ? Directory.EnumerateDirectories(packs).Select(d => Path.Combine(d, "ref", tfm)).Where(Directory.Exists).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NullReferenceException)
        {
            return null;
        }
    });
}
