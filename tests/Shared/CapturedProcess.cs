using System.Diagnostics;

namespace HwDsl.Tests;

/// <summary>
/// A prepared child process run with its standard output and error captured, bounded in time: on a timeout its whole
/// process tree is killed. Linked into the test projects that start the dotnet CLI or the installed tool.
/// </summary>
internal static class CapturedProcess
{
    public static (int Exit, string Out, string Err, TimeSpan Elapsed) Run(ProcessStartInfo info, TimeSpan timeout)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in {timeout.TotalSeconds:F0} s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
