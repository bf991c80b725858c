using HwDsl.Contracts;

namespace HwDsl.Cli.Tests.Packaging;

/// <summary>
/// One <c>dotnet pack HwDsl.sln --no-build</c> into a temporary folder feed, shared by the packaging tests: what
/// ./install.sh does, minus the build (the test run has built everything already).
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), $"hwdsl-pack-tests-{Guid.NewGuid():N}");
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;   // bin/<configuration>/net10.0
        // The nuspec and the tool's publish folder go to this run's folder too, so nothing in the checkout is written
        // (and another test packing at the same time cannot collide with it).
        PackTime = Dotnet.Must(Hwdsl.RepoRoot, null, "pack", Path.Combine(Hwdsl.RepoRoot, "HwDsl.sln"), "-c", Configuration, "--no-build", "--nologo",
            $"-p:PackageOutputPath={Feed}/", $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}/", $"-p:PublishDir={Path.Combine(Root, "publish")}/");
    }

    /// <summary>The temporary folder holding the feed and each test's own folders.</summary>
    public string Root { get; }

    /// <summary>The folder feed the packages were written to.</summary>
    public string Feed { get; }

    /// <summary>The build configuration packed (the test assembly's own).</summary>
    public string Configuration { get; }

    public TimeSpan PackTime { get; }

    /// <summary>hwdsl's package version (that of the hwdsl assembly this test references).</summary>
    public static string ToolVersion { get; } = typeof(CliErrors).Assembly.GetName().Version!.ToString(3);

    /// <summary>HwDsl.Contracts' package version: the contract version.</summary>
    public static string ContractsVersion => $"{ContractVersion.Major}.{ContractVersion.Minor}.0";

    /// <summary>A new empty folder under <see cref="Root"/>.</summary>
    public string NewFolder(string name)
    {
        var dir = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A fresh account: only HOME (empty) and dotnet's own quiet switches, as on a new machine.</summary>
    public static Dictionary<string, string> CleanAccount(string home) => new()
    {
        ["HOME"] = home,
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
