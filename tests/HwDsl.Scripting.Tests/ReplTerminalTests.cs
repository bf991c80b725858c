using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HwDsl.Scripting.Tests;

/// <summary>
/// The real <c>hwdsl repl</c> in a pseudo-terminal (Debian's python3 pty module drives it): typing, Tab, what the screen
/// shows. The screen is the transcript with escape sequences removed, each line as its last redraw left it.
/// </summary>
public sealed partial class ReplTerminalTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record Step(string Send, string Expect, int Timeout = 90);

    private (int Exit, string Screen, string Err) Drive(params Step[] steps)
    {
        var stepsFile = _dir.File("steps.json", JsonSerializer.Serialize(steps.Select(s => new Dictionary<string, object> { ["send"] = s.Send, ["expect"] = s.Expect, ["timeout"] = s.Timeout })));
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Cli.RepoRoot };
        info.Environment["HWDSL_HOME"] = _dir["home"];
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "pty_drive.py"), stepsFile, "--", "dotnet", Cli.Dll, "repl", "--quick", "--output", _dir["out"], "--threads", "2"])
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(4)), "the pty driver did not finish");
        return (p.ExitCode, Screen(stdout.Result), stderr.Result);
    }

    private static string Screen(string transcript)
    {
        var plain = Ansi().Replace(transcript, "");
        return string.Join("\n", plain.Split('\n').Select(l => l.TrimEnd('\r').Split('\r')[^1]));
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();

    [Fact]
    public void A_user_defines_builds_trains_completes_and_sees_errors()
    {
        var (exit, screen, err) = Drive(
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
        Assert.Contains("var exp = Experiment.Named(\"tiny\")", File.ReadAllText(Path.Combine(_dir["home"], "history")));
    }

    [Fact]
    public void History_persists_across_sessions_and_up_arrow_recalls_it()
    {
        Directory.CreateDirectory(_dir["home"]);
        File.WriteAllText(Path.Combine(_dir["home"], "history"), "var fromLastTime = 6 * 7;\n");
        var (exit, screen, err) = Drive(
            new Step("", "hwdsl> "),
            new Step("\u001bOA\r", "hwdsl> "),   // ↑ in the application cursor mode .NET switches the terminal to
            new Step("fromLastTime\r", "42"),
            new Step("#quit\r", ""));
        Assert.True(exit == 0, $"{err}\n{screen}");
        Assert.Contains("hwdsl> var fromLastTime = 6 * 7;", screen);
        Assert.Contains("42", screen);
    }
}
