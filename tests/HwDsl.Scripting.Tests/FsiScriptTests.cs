using System.Diagnostics;

namespace HwDsl.Scripting.Tests;

/// <summary>An F# user's path: <c>dotnet fsi scripts/quickstart.fsx --quick</c> (offline; the dlls come from the build).</summary>
public sealed class FsiScriptTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Quickstart_fsx_trains_and_prints_the_comparison()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var a in (string[])["fsi", "--quiet", Path.Combine(Cli.RepoRoot, "scripts", "quickstart.fsx"), "--quick"]) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token);
        var output = await stdout;
        Assert.True(p.ExitCode == 0, await stderr + output);
        Assert.Matches(@"\| quickstart-fsx-float \| Float \| 0 \| 1 \| \d+\.\d\d % \| – \|", output);
        Assert.Matches(@"\| quickstart-fsx-hw-aware \| HardwareAware \| 0 \| 1 \| \d+\.\d\d % \| \d+\.\d\d % \| [+-]\d+\.\d\d \|", output);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "results", "quickstart-fsx", "quickstart.md")));
    }
}
