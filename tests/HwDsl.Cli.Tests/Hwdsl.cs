using System.Diagnostics;

namespace HwDsl.Cli.Tests;

/// <summary>Runs the built <c>hwdsl</c> as a user would: a separate process, stdout piped, exit code and stderr kept.</summary>
internal static class Hwdsl
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "hwdsl.dll");

    public static string RepoRoot { get; } = FindRepoRoot();

    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run"/>, with extra environment variables.</summary>
    public static (int Exit, string Out, string Err) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var (k, v) in environment) info.Environment[k] = v;
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException($"hwdsl {string.Join(' ', args)} did not finish in 5 minutes"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HwDsl.sln"))) return dir.FullName;
        throw new InvalidOperationException("HwDsl.sln not found above the test assembly.");
    }
}
