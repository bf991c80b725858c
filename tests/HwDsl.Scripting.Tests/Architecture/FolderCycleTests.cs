namespace HwDsl.Scripting.Tests.Architecture;

/// <summary>
/// No new dependency cycle between the folders of a project. The cycles that existed when this test was written are
/// listed, edge by edge, in folder-cycles.txt beside it: an edge on a cycle that is not listed fails the test, and so does
/// a listed edge that is no longer on a cycle (delete its line), so the list can only shrink.
/// </summary>
public sealed class FolderCycleTests
{
    private static readonly string ListPath = Path.Combine(Cli.RepoRoot, "tests", "HwDsl.Scripting.Tests", "Architecture", "folder-cycles.txt");

    [Fact]
    public void No_project_gains_a_dependency_cycle_between_its_folders_and_the_known_ones_only_go_away()
    {
        var known = File.ReadAllLines(ListPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        var why = new Dictionary<string, string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Cli.RepoRoot, "src")).Order(StringComparer.Ordinal))
        {
            var graph = FolderGraph.Read(project);
            foreach (var (from, to) in graph.CycleEdges())
            {
                var line = $"{graph.Project}: {from} -> {to}";
                found.Add(line);
                why[line] = string.Join(", ", graph.Edges[from][to].Take(5));
            }
        }

        var added = found.Where(l => !known.Contains(l)).ToList();
        var gone = known.Where(l => !found.Contains(l)).ToList();
        Assert.True(added.Count == 0,
            "new dependency cycles between folders (a file in the first folder names these types of the second, which itself depends back):\n" +
            string.Join("\n", added.Select(l => $"  {l}   ({why[l]})")) +
            "\nMove the type to the folder that owns it, or invert the dependency (an interface in the lower folder).");
        Assert.True(gone.Count == 0, $"these listed edges are no longer on a cycle; delete their lines from {ListPath}:\n  " + string.Join("\n  ", gone));
    }

    [Fact]
    public void The_graph_finds_a_cycle_through_three_folders_and_none_in_a_layered_project()
    {
        var dir = Directory.CreateTempSubdirectory("hwdsl-folders-");
        try
        {
            void Write(string path, string text)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir.FullName, path))!);
                File.WriteAllText(Path.Combine(dir.FullName, path), text);
            }
            Write("A/Alpha.cs", "namespace N; sealed class Alpha { Beta? b; }");
            Write("B/Beta.cs", "namespace N; sealed class Beta { Gamma? g; }");
            Write("C/Gamma.cs", "namespace N; sealed class Gamma { int Count; /* Alpha in a comment */ string S = \"Alpha\"; }");
            Write("D/Delta.cs", "namespace N; sealed class Delta { Alpha? a; }");
            var layered = FolderGraph.Read(dir.FullName);
            Assert.Empty(layered.CycleEdges());   // comments and strings are not names
            Assert.Equal(["Beta"], layered.Edges["A"]["B"]);

            Write("C/Gamma.cs", "namespace N; sealed class Gamma { System.Collections.Generic.List<Alpha> all = []; }");
            var cyclic = FolderGraph.Read(dir.FullName);
            Assert.Equal([("A", "B"), ("B", "C"), ("C", "A")], cyclic.CycleEdges());   // D → A is not on the cycle
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
