using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HwDsl.Scripting.Tests.Architecture;

/// <summary>
/// The dependency graph between the top-level folders of one project under src/ (files at the project's root form the
/// folder "."), read from the syntax of its C# files: folder A depends on folder B when a file in A names a type that is
/// declared only in B. Names declared in two folders of the project are left out (their use cannot be told apart without
/// a semantic model), as are comments and strings, which the syntax tree does not count as names.
/// </summary>
internal sealed class FolderGraph
{
    private FolderGraph(string project, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> edges)
        => (Project, Edges) = (project, edges);

    public string Project { get; }

    /// <summary>From folder → to folder → the type names that make the edge.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Edges { get; }

    public static FolderGraph Read(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Segments(projectDirectory, f).Any(s => s is "bin" or "obj"))
            .Select(f => (Folder: FolderOf(projectDirectory, f), Root: CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot()))
            .ToList();

        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (folder, root) in files)
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.Text)
                .Concat(root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.Text)))
            {
                if (!declaredIn.TryGetValue(type, out var folders)) declaredIn[type] = folders = [];
                folders.Add(folder);
            }

        var edges = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var (folder, root) in files)
        {
            var named = root.DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.Text).ToHashSet(StringComparer.Ordinal);
            foreach (var name in named)
            {
                if (!declaredIn.TryGetValue(name, out var folders) || folders.Count != 1) continue;
                var to = folders.Single();
                if (to == folder) continue;
                if (!edges.TryGetValue(folder, out var targets)) edges[folder] = targets = new(StringComparer.Ordinal);
                if (!targets.TryGetValue(to, out var names)) targets[to] = names = new(StringComparer.Ordinal);
                names.Add(name);
            }
        }
        return new FolderGraph(Path.GetFileName(projectDirectory), edges.ToDictionary(e => e.Key,
            e => (IReadOnlyDictionary<string, IReadOnlySet<string>>)e.Value.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value)));
    }

    /// <summary>The edges that lie on a cycle: both ends in one strongly connected component (Tarjan).</summary>
    public IReadOnlyList<(string From, string To)> CycleEdges()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var component = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var next = 0;
        var components = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            foreach (var w in Targets(v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (!component.ContainsKey(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            string x;
            do { x = stack.Pop(); component[x] = components; } while (x != v);
            components++;
        }
        var nodes = Edges.Keys.Concat(Edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var v in nodes) if (!index.ContainsKey(v)) Visit(v);
        return [.. nodes.SelectMany(a => Targets(a).Where(b => component[a] == component[b]).Select(b => (a, b)))];
    }

    private IEnumerable<string> Targets(string folder) =>
        Edges.TryGetValue(folder, out var t) ? t.Keys.Order(StringComparer.Ordinal) : [];

    private static string FolderOf(string projectDirectory, string file)
    {
        var segments = Segments(projectDirectory, file);
        return segments.Length > 1 ? segments[0] : ".";
    }

    private static string[] Segments(string projectDirectory, string file) =>
        Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar);
}
