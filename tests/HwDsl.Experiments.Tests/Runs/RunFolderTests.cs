using HwDsl.Compiler;
using HwDsl.Compiler.Tests;
using HwDsl.Experiments;

namespace HwDsl.Experiments.Tests;

public sealed class RunFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hwdsl-runs-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, true); }

    [Fact]
    public void Folders_are_never_reused_and_names_are_made_safe()
    {
        var a = RunFolder.Create("rram 4/bit", _root);
        var b = RunFolder.Create("rram 4/bit", _root);
        Assert.NotEqual(a.Path, b.Path);
        Assert.StartsWith("rram-4-bit-", Path.GetFileName(a.Path));
    }

    [Fact]
    public void Writes_replace_whole_files_and_leave_no_temporaries()
    {
        var run = RunFolder.Create("x", _root);
        run.WriteText("a.txt", "first");
        run.WriteText("a.txt", "second");
        Assert.Equal("second", File.ReadAllText(Path.Combine(run.Path, "a.txt")));
        Assert.Empty(Directory.GetFiles(run.Path, "*.tmp"));
    }

    [Fact]
    public void Csv_quotes_and_formats_invariantly_and_round_trips_doubles()
    {
        var csv = RunFolder.Csv(["name", "value", "n"], [["a,b", 0.1 + 0.2, 3], ["say \"hi\"", double.PositiveInfinity, null]]);
        Assert.Equal("name,value,n\n\"a,b\",0.30000000000000004,3\n\"say \"\"hi\"\"\",Infinity,\n", csv);
        Assert.Throws<ArgumentException>(() => RunFolder.Csv(["a", "b"], [["only one"]]));
    }
}
