using System.Text.RegularExpressions;
using static HwDsl.Scripting.Tests.ReplTerminalTests;

namespace HwDsl.Scripting.Tests;

/// <summary>The REPL's completion list, parameter help and Ctrl-C, on the screen of a pseudo-terminal.</summary>
public sealed class ReplCompletionTerminalTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_completion_list_shows_kind_signature_and_summary_with_the_DSL_first_and_objects_members_last()
    {
        var (exit, screen, err) = Drive(_dir, 160,
            new Step("", "hwdsl> "),
            new Step("var hw = Hardware.DifferentialPair();\r", "hwdsl> "),
            new Step("hw.\t", @"\[1/\d+\]"),
            new Step("\u001bOA", @"\[(\d+)/\1\]"),       // ↑ from the first entry: the last one
            new Step("\u001bOB\u001bOBWe", @"\[1/\d\]"),  // ↓ back to the first, then narrow by typing
            new Step("\u001bOB", @"\[2/\d\]"),
            new Step("\r", ""),                            // Enter takes the selected entry (and does not run the line)
            new Step("(3)", @"\(3\)"),
            new Step("\u0003\u0004", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        var frames = File.ReadAllText(_dir["raw.txt"]);
        // The first list: DSL members with kind, signature (no [CallerFilePath] plumbing) and the selected one's summary.
        Assert.Matches(@" Asymmetry +extension +HardwareBuilder Asymmetry\(double a\)", Plain(frames));
        Assert.Matches(@"\[1/\d+\]  \S.*", Plain(frames));
        Assert.DoesNotContain("string file", Plain(frames));
        // Up from the first entry wraps to the last: one of object's members, listed after every DSL member.
        var last = Regex.Match(Plain(frames), @"\[(\d+)/\1\]");
        Assert.True(last.Success);
        var lastWindow = Plain(frames)[..last.Index].Split('\n')[^9..];
        Assert.Contains(lastWindow, r => Regex.IsMatch(r, @"^ (ToString|GetType|GetHashCode|Equals) +method"));
        Assert.Contains("hwdsl> hw.WeightRange(3)^C", screen);   // "We" narrowed to WeightBits, WeightRange; ↓ chose the second
    }

    [Fact]
    public void Parameter_help_follows_the_argument_being_typed()
    {
        var (exit, screen, err) = Drive(_dir, 160,
            new Step("", "hwdsl> "),
            new Step("Hardware.DifferentialPair().OnOffRatio(", "ratio: Gmax/Gmin"),
            new Step("10).WeightBits(", @"bits: Bits per element"),
            new Step("4).Device(\"pcm\", ", @"preset"),
            new Step("\u0003\u0004", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        var frames = Plain(File.ReadAllText(_dir["raw.txt"]));
        Assert.Contains(" OnOffRatio(double ratio)", frames);
        Assert.Contains(" WeightBits(int bits)", frames);
        Assert.Matches(@" Device\(string name, string\?? preset[^)]*\)", frames);
    }

    [Fact]
    public void Ctrl_C_stops_a_training_and_returns_to_the_prompt_with_the_session_and_never_ends_it()
    {
        var (exit, screen, err) = Drive(_dir, 160,
            new Step("", "hwdsl> "),
            // The prompt after the submission's newline: the editor's redraw of the typed line has "hwdsl> " too, and a
            // Ctrl-C sent on that match landed in the first (slow) compilation and cancelled it (seen once in CI).
            new Step("var kept = 7;\r", @"\n[\s\S]*hwdsl> "),
            new Step("\u0003\u0003", "hwdsl> "),           // twice at an idle prompt: a fresh prompt each time, no crash
            new Step("Run(Experiment.Named(\"long\").Data(Datasets.Mnist).Network(n => n.Dense(16).Dense(10)).Train(t => t.Float().Epochs(200)).Build())\r", @"epoch +1/200", 180),
            new Step("\u0003", @"cancelled \(what was written stays in the run folder\)\.[\s\S]*hwdsl> ", 60),
            new Step("kept * 6\r", "42"),
            new Step("#quit\r", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        Assert.EndsWith("[exit 0]\n", screen);
        Assert.Contains("\n42\n", screen);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(_dir["out"], "runs")));
        Assert.Contains("\"cancelled\"", File.ReadAllText(Path.Combine(run, "run.json")));   // what was written stays
    }

    private static string Plain(string raw) => Regex.Replace(raw, @"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]", "").Replace("\r", "");
}
