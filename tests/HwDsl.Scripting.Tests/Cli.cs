using System.Diagnostics;

namespace HwDsl.Scripting.Tests;

/// <summary>The built <c>hwdsl</c> as a separate process, with its own HWDSL_HOME (history, compile cache) per test.</summary>
internal static class Cli
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The CLI as it ships: its own build output, with the device plugins in plugins/ beside it (the copy in
    /// this test's bin has no plugins folder). Same configuration as this test assembly.</summary>
    public static string Dll { get; } = ShippedDll();

    private static string ShippedDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;  // bin/<configuration>/net10.0
        var shipped = Path.Combine(RepoRoot, "src", "HwDsl.Cli", "bin", configuration, "net10.0", "hwdsl.dll");
        if (!File.Exists(shipped) || !Directory.Exists(Path.Combine(Path.GetDirectoryName(shipped)!, "plugins")))
            throw new InvalidOperationException($"the CLI's build output {shipped} (with its plugins folder) is missing; build src/HwDsl.Cli first.");
        return shipped;
    }

    public static ProcessStartInfo StartInfo(string home, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        info.Environment["HWDSL_HOME"] = home;
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    public static (int Exit, string Out, string Err) Run(string home, params string[] args)
    {
        using var p = Process.Start(StartInfo(home, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException($"hwdsl {string.Join(' ', args)}: no exit in 5 minutes"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HwDsl.sln"))) return dir.FullName;
        throw new InvalidOperationException("HwDsl.sln not found above the test assembly.");
    }
}
