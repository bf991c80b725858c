using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HwDsl.Scripting.Tests;

/// <summary>
/// The real <c>hwdsl repl</c> in a pseudo-terminal (pty_drive.py types the keys; Debian's python3-pyte is the terminal,
/// so what the tests read is the screen a user sees after every redraw, not the stream of escape sequences).
/// </summary>
public sealed partial class ReplTerminalTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    internal sealed record Step(string Send, string Expect, int Timeout = 90);

    internal (int Exit, string Screen, string Err) Drive(int columns, params Step[] steps) => Drive(_dir, columns, steps);

    internal static (int Exit, string Screen, string Err) Drive(TempDir dir, int columns, params Step[] steps)
    {
        var stepsFile = dir.File("steps.json", JsonSerializer.Serialize(steps.Select(s => new Dictionary<string, object> { ["send"] = s.Send, ["expect"] = s.Expect, ["timeout"] = s.Timeout })));
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Cli.RepoRoot };
        info.Environment["HWDSL_HOME"] = dir["home"];
        info.Environment["PTY_RAW"] = dir["raw.txt"];
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "pty_drive.py"), stepsFile, columns.ToString(), "50", "--",
                     "dotnet", Cli.Dll, "repl", "--quick", "--output", dir["out"], "--threads", "2"])
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "the pty driver did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_user_defines_builds_trains_completes_and_sees_errors()
    {
        var (exit, screen, err) = Drive(160,
            new Step("", "hwdsl> "),
            new Step("var hw = Hardware.DifferentialPair().WeightBits(4)\r", @"\.\.\.> "),
            new Step("    .OnOffRatio(10);\r", "hwdsl> "),
            new Step("var exp = Experiment.Named(\"tiny\").Data(Datasets.Mnist).Network(n => n.Dense(32).Relu().Dense(10)).On(hw).Train(t => t.Epochs(1));\r", "hwdsl> "),
            new Step("exp.Build()\r", @"Training[\s\S]*hwdsl> "),
            new Step("Hardware.DifferentialPair().Asymm\t", "Asymmetry"),
            new Step("(2);\r", "hwdsl> "),
            new Step("hw.OnOffRatio(0.5); exp.With(hw).Build();\r", "HW0102"),
            new Step("Run(exp.Build())\r", @"\| tiny \| HardwareAware \|[\s\S]*hwdsl> ", 180),
            new Step("#plugins\r", "rram"),
            new Step("#reload\r", @"reloaded: .*\r?\n[\s\S]*hwdsl> "),
            new Step("#quit\r", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        Assert.Contains("hwdsl> var hw = Hardware.DifferentialPair().WeightBits(4)", screen);
        Assert.Contains("  ...>     .OnOffRatio(10);", screen);
        Assert.Matches(@"Experiment ""tiny"" +\[repl\[2\]:1\]", screen);              // the spec's debug view, with where each value came from
        Assert.Matches(@"    WeightBits +4 +\[repl\[1\]:1\]", screen);
        Assert.Contains("hwdsl> Hardware.DifferentialPair().Asymmetry(2);", screen);   // Tab completed the DSL member
        Assert.Matches(@"repl\[\d\]\(1\): error HW0102: OnOffRatio must be greater than 1", screen);
        Assert.Matches(@"\| tiny \| HardwareAware \| 0 \| 1 \| \d+\.\d\d % \| \d+\.\d\d % \|", screen);
        Assert.Matches(@"nvm +\d+\.\d+(\.\d+)? +built-in", screen);
        Assert.Matches(@"rram +\S+ +\S*HwDsl\.Devices\.Rram\S* +presets: .*wan2022", screen);   // the plugin host's devices, from plugins/ beside hwdsl
        Assert.Contains("reloaded: 5 device(s) (4 from plugins)", screen);
        Assert.EndsWith("[exit 0]\n", screen);
        var history = File.ReadAllText(Path.Combine(_dir["home"], "history"));
        Assert.Contains("var exp = Experiment.Named(\"tiny\")", history);
        Assert.Contains("var hw = Hardware.DifferentialPair().WeightBits(4)\u2028    .OnOffRatio(10);\n", history);   // one entry, both lines
    }

    [Fact]
    public void History_persists_across_sessions_and_up_arrow_recalls_whole_submissions()
    {
        Directory.CreateDirectory(_dir["home"]);
        File.WriteAllText(Path.Combine(_dir["home"], "history"), "var fromLastTime = 6 * 7;\n");
        var (exit, screen, err) = Drive(160,
            new Step("", "hwdsl> "),
            new Step("\u001bOA\r", "hwdsl> "),   // ↑ in the application cursor mode .NET switches the terminal to
            new Step("fromLastTime\r", "42"),
            new Step("var total = 1 +\r", @"\.\.\.> "),
            new Step("    2;\r", "hwdsl> "),
            new Step("total\r", "3"),
            // ↑ recalls "total", ↑ again the two-line submission, whole; it runs again as it is.
            new Step("\u001bOA\u001bOA", @"2;"),
            new Step("\r", "hwdsl> "),
            new Step("total * 10\r", "30"),
            new Step("\u0004", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        Assert.Contains("hwdsl> var fromLastTime = 6 * 7;", screen);
        Assert.Equal(2, Regex.Matches(screen, @"hwdsl> var total = 1 \+\n  \.\.\.>     2;").Count);   // recalled with its second line
        Assert.Contains("\n30\n", screen);
        Assert.EndsWith("[exit 0]\n", screen);   // Ctrl-D on an empty submission leaves
        // Appended as run, one line per submission; the one run again is listed once when read back.
        Assert.Equal(["var fromLastTime = 6 * 7;", "fromLastTime", "var total = 1 +\u2028    2;", "total", "var total = 1 +\u2028    2;", "total * 10"],
            File.ReadAllLines(Path.Combine(_dir["home"], "history")));
        Assert.Equal(["var fromLastTime = 6 * 7;", "fromLastTime", "total", "var total = 1 +\n    2;", "total * 10"],
            HwDsl.Scripting.Repl.ReplHistory.Load(Path.Combine(_dir["home"], "history")).Entries);
    }

    [Fact]
    public void A_line_wider_than_the_terminal_wraps_and_edits_in_place()
    {
        // 40 columns: the line below takes three rows; editing its start must redraw those rows, not print new ones.
        var (exit, screen, err) = Drive(40,
            new Step("", "hwdsl> "),
            new Step("var wide = Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10).Asymmetry(0.1);", @"0\.1\);"),
            new Step("\u001b[H", ""),                      // Home
            new Step("\u001b[1;5C\u001b[1;5C", ""),        // Ctrl-→ twice: after "wide"
            new Step("r", "wider"),
            new Step("\r", "hwdsl> "),
            new Step("wider.GetType().Name\r", "HardwareBuilder"),
            new Step("#quit\r", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        var rows = screen.Split('\n');
        var first = Array.FindIndex(rows, r => r.StartsWith("hwdsl> var wider = ", StringComparison.Ordinal));
        Assert.True(first >= 0, screen);
        Assert.Equal("hwdsl> var wider = Hardware.DifferentialPa"[..40], rows[first]);
        Assert.Equal("var wider = Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10).Asymmetry(0.1);", string.Concat(rows[first..(first + 3)])["hwdsl> ".Length..]);
        Assert.Single(rows, r => r.Contains("OnOffRatio(10)", StringComparison.Ordinal));   // drawn once, not once per key
        Assert.DoesNotContain(rows, r => r.StartsWith("hwdsl> var wide =", StringComparison.Ordinal));
    }

    [Fact]
    public void Colours_mark_keywords_strings_numbers_comments_and_the_DSLs_types()
    {
        var (exit, screen, err) = Drive(160,
            new Step("", "hwdsl> "),
            new Step("var s = \"text\" + 42; // note", "note"),
            new Step("\u0003", "hwdsl> "),
            new Step("Hardware.DifferentialPair()", @"\)"),
            new Step("\u0003\u0004", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        var raw = File.ReadAllText(_dir["raw.txt"]);
        Assert.Contains("\u001b[0;94mvar", raw);
        Assert.Contains("\u001b[0;33m\"text\"", raw);
        Assert.Contains("\u001b[0;92m42", raw);
        Assert.Contains("\u001b[0;32m// note", raw);
        Assert.Contains("\u001b[0;36mHardware", raw);
        Assert.Contains("\u001b[0;93mDifferentialPair", raw);
        Assert.Contains("hwdsl> var s = \"text\" + 42; // note^C", screen);   // Ctrl-C at the prompt drops the line and starts a new one
    }
}
