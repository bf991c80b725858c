using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// Tab completion from Roslyn's completion service (Microsoft.CodeAnalysis.CSharp.Features): the session's code so far
/// plus the line being typed form one script document against the same references, imports and globals as the REPL,
/// so <c>Hardware.DifferentialPair().We</c> offers <c>WeightBits</c> and earlier variables are known.
/// </summary>
public sealed class ReplCompletion
{
    private readonly Lazy<(AdhocWorkspace Workspace, ProjectId Project)> _workspace = new(Create);
    private readonly StringBuilder _session = new();

    /// <summary>Adds a submission that ran, so later completions see its variables.</summary>
    public void Add(string code) => _session.AppendLine(code);

    /// <summary>Starts the (slow, once) composition of Roslyn's services in the background.</summary>
    public void Warm() => Task.Run(() => Complete("Hardware.", 9));

    /// <summary>Completions for the word ending at <paramref name="caret"/> in <paramref name="line"/>: full member names, ordered by Roslyn.</summary>
    public IReadOnlyList<string> Complete(string line, int caret)
    {
        var (workspace, projectId) = _workspace.Value;
        var prefix = _session.ToString();
        var text = prefix + line;
        var project = workspace.CurrentSolution.GetProject(projectId)!;
        var document = project.AddDocument("session.csx", SourceText.From(text)).WithSourceCodeKind(SourceCodeKind.Script);
        var service = CompletionService.GetService(document);
        if (service is null) return [];
        var position = prefix.Length + caret;
        var list = service.GetCompletionsAsync(document, position).GetAwaiter().GetResult();
        var start = caret;
        while (start > 0 && (char.IsLetterOrDigit(line[start - 1]) || line[start - 1] == '_')) start--;
        var word = line[start..caret];
        return [.. list.ItemsList.Select(i => i.DisplayText)
            .Where(t => t.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .OrderBy(t => !t.StartsWith(word, StringComparison.Ordinal)).ThenBy(t => t, StringComparer.Ordinal)];
    }

    private static (AdhocWorkspace, ProjectId) Create()
    {
        var workspace = new AdhocWorkspace(MefHostServices.Create(MefHostServices.DefaultAssemblies));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Concat(ScriptCompiler.HwDslAssemblies.Select(a => a.Location))
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var project = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "repl", "repl", LanguageNames.CSharp,
                isSubmission: true, hostObjectType: typeof(ScriptGlobals))
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ScriptCompiler.DefaultImports))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script));
        var added = workspace.AddProject(project);
        return (workspace, added.Id);
    }
}
