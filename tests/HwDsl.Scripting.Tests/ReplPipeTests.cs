namespace HwDsl.Scripting.Tests;

/// <summary><c>hwdsl repl</c> fed from a pipe (a script of submissions): every submission runs, and the exit code says whether any failed.</summary>
public sealed class ReplPipeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (int Exit, string Out, string Err) Pipe(string input)
    {
        var info = Cli.StartInfo(_dir["home"], ["repl", "--output", _dir["out"]]);
        info.RedirectStandardInput = true;
        using var p = System.Diagnostics.Process.Start(info)!;
        p.StandardInput.Write(input);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "hwdsl repl did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_failing_submission_makes_the_exit_code_non_zero_after_the_rest_ran()
    {
        var (exit, output, err) = Pipe("var x = ;\n6 * 7\nvar y = 1 +\n");
        Assert.Equal(1, exit);
        Assert.Contains("error CS1525", output);
        Assert.Contains("42", output);                       // the submissions after the failure still ran
        Assert.Matches(@"repl\[3\]\(\d+,\d+\): error CS\d+", output);   // an incomplete submission at the end is run, and fails
        Assert.Equal("", err);
    }

    [Fact]
    public void A_clean_piped_session_exits_0()
    {
        var (exit, output, _) = Pipe("var x = 6;\nx * 7\n#quit\n");
        Assert.Equal(0, exit);
        Assert.Contains("42", output);
    }
}
