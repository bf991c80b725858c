using System.Diagnostics;

namespace HwDsl.Sweeps.Tests;

/// <summary>Runs the built <c>hwdsl</c> as a user would: a separate process, output piped, exit code kept.</summary>
internal static class Hwdsl
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "hwdsl.dll");

    public static (int Exit, string Out, string Err) Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    public static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string?> env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException($"hwdsl {string.Join(' ', args)} did not finish in 3 minutes"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
