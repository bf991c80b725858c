using System.Diagnostics;

namespace HwDsl.Cli.Tests.Packaging;

/// <summary>Child processes for the packaging tests: the dotnet CLI and the installed tool, output captured, bounded in time.</summary>
internal static class Dotnet
{
    /// <summary>The test runner's MSBuild variables would point a child build at the runner's SDK pieces.</summary>
    private static readonly string[] RunnerVariables = ["MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>True when this process may make a network namespace of its own (root on Linux): commands then run with no network at all.</summary>
    public static bool CanIsolateNetwork { get; } = OperatingSystem.IsLinux() && Run("unshare", ["-n", "true"], null, null, TimeSpan.FromSeconds(10)).Exit == 0;

    /// <summary>
    /// Runs <paramref name="file"/> <paramref name="args"/>. With <paramref name="environment"/> the child gets only those
    /// variables (plus PATH), as on a fresh account; without, this process's environment minus the runner's MSBuild ones.
    /// </summary>
    public static (int Exit, string Out, string Err, TimeSpan Elapsed) Run(string file, IEnumerable<string> args, string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, bool offline = false)
    {
        var info = new ProcessStartInfo(offline ? "unshare" : file);
        if (offline)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add(file);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        if (environment is not null)
        {
            var path = Environment.GetEnvironmentVariable("PATH");
            info.Environment.Clear();
            info.Environment["PATH"] = path;
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }
        foreach (var name in RunnerVariables) info.Environment.Remove(name);
        return HwDsl.Tests.CapturedProcess.Run(info, timeout);
    }

    /// <summary>A dotnet command that must succeed, with no build servers left behind (they would hold our pipes open).</summary>
    public static TimeSpan Must(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (exit, stdout, stderr, elapsed) = Run("dotnet", [.. args, .. args[0] is "build" or "pack" or "restore" ? ["--disable-build-servers"] : Array.Empty<string>()],
            workingDirectory, environment, TimeSpan.FromMinutes(4));
        if (exit != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({exit}):\n{stdout}\n{stderr}");
        return elapsed;
    }
}
