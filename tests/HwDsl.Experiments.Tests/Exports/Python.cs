using System.Diagnostics;

namespace HwDsl.Experiments.Tests;

/// <summary>Debian's python3 with NumPy and pandas (bash .ci/run installs python3-numpy and python3-pandas).</summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string script, params string[] args)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install python3-numpy python3-pandas (bash .ci/run does).");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python3 failed ({p.ExitCode}); NumPy and pandas come from apt-get install python3-numpy python3-pandas:\n{error}");
        return output.Result;
    }
}
