using System.Diagnostics;

namespace HwDsl.Plugins.Tests;

/// <summary>Runs the dotnet CLI (test-time plugin builds, the built hwdsl) as a child process with its output captured.</summary>
internal static class DotnetCli
{
    /// <summary>A <c>dotnet build</c>/<c>restore</c> that must succeed, with no build servers left behind; returns its duration.</summary>
    public static TimeSpan Run(string workingDirectory, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // The test runner's MSBuild variables would point the child build at the wrong SDK pieces.
            ["MSBuildSDKsPath"] = null,
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
        };
        // A build server that outlives the build would keep our redirected pipes open (and the test run waiting).
        var (exit, stdout, stderr, elapsed) = Capture(workingDirectory, [.. args, "--disable-build-servers"], environment, TimeSpan.FromMinutes(5));
        if (exit != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({exit}):\n{stdout}\n{stderr}");
        return elapsed;
    }

    /// <summary>Runs <c>dotnet ARGS</c>; a null value in <paramref name="environment"/> removes that variable.</summary>
    public static (int Exit, string Out, string Err, TimeSpan Elapsed) Capture(string? workingDirectory, IEnumerable<string> args,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet");
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment)
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        return HwDsl.Tests.CapturedProcess.Run(info, timeout);
    }
}
