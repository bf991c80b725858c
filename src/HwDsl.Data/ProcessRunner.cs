using System.ComponentModel;
using System.Diagnostics;

namespace HwDsl.Data;

/// <summary>Runs a command to completion with its output captured.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs <paramref name="file"/>; returns null when the executable cannot be started (not installed).</summary>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static Result? Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception($"{file} did not start");
        }
        catch (Win32Exception) { return null; }

        using (process)
        {
            process.StandardInput.Close();
            // Both pipes are drained concurrently so a chatty child cannot block on a full pipe.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s and was stopped.");
            }
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
