using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HwDsl.Data;
using Xunit.Abstractions;

namespace HwDsl.Cli.Tests.Packaging;

/// <summary>
/// A user's path from a checkout to an installed hwdsl: the packed feed holds the tool and the libraries; the tool
/// installs from it on a clean HOME with no network at all (a tool package carries its dependencies) and runs a script;
/// a program references the HwDsl.Toolkit package from the same feed.
/// </summary>
public sealed class ToolInstallTests(PackedFeed packed, ITestOutputHelper output) : IClassFixture<PackedFeed>
{
    private const string Script = """
        var spec = Experiment.Named("installed").Seed(1).Data(Datasets.Mnist)
            .Network(n => n.Dense(16).ClippedRelu().Dense(10))
            .On(Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10))
            .Train(t => t.Adam(1e-3).Epochs(1).Batch(100).HardwareAware())
            .Build();
        var r = Run(spec);
        Console.WriteLine($"deployed {r.DeployedMean:P2} on {string.Join(",", Options.Devices!.Names)}");
        """;

    [Fact]
    public void The_installed_tool_runs_a_script_offline_on_a_clean_home_with_the_plugins_inside_it()
    {
        RequireOfflineInCi();
        output.WriteLine($"dotnet pack HwDsl.sln --no-build: {packed.PackTime.TotalSeconds:F1} s");
        var dir = packed.NewFolder("tool");
        var home = Path.Combine(dir, "home");
        var tools = Path.Combine(dir, "tools");
        Directory.CreateDirectory(home);
        var account = PackedFeed.CleanAccount(home);

        // nuget.org stays configured (a fresh HOME gets it by default) and is unreachable here: only the feed answers.
        var install = Dotnet.Run("dotnet", ["tool", "install", "--tool-path", tools, "hwdsl", "--add-source", packed.Feed, "--ignore-failed-sources", "--version", PackedFeed.ToolVersion],
            dir, account, TimeSpan.FromMinutes(3), offline: Dotnet.CanIsolateNetwork);
        output.WriteLine($"dotnet tool install ({(Dotnet.CanIsolateNetwork ? "no network" : "network available")}): {install.Elapsed.TotalSeconds:F1} s");
        Assert.True(install.Exit == 0, install.Out + install.Err);
        Assert.Contains($"Tool 'hwdsl' (version '{PackedFeed.ToolVersion}') was successfully installed.", install.Out);
        var hwdsl = Path.Combine(tools, "hwdsl");
        Assert.True(File.Exists(hwdsl));

        File.WriteAllText(Path.Combine(dir, "installed.csx"), Script);
        // The data set is the one thing not in the package: point the fresh account at the cache the tests share.
        account["HWDSL_DATA"] = SharedMnist();
        var first = Dotnet.Run(hwdsl, ["run", "installed.csx", "--quick", "--threads", "2"], dir, account, TimeSpan.FromMinutes(3), offline: Dotnet.CanIsolateNetwork);
        Assert.True(first.Exit == 0, first.Out + first.Err);
        Assert.Matches(@"deployed \d+\.\d\d % on fefet,mtj,nvm,pcm,rram", first.Out);
        Assert.True(Directory.Exists(Path.Combine(home, ".cache", "hwdsl", "scripts")), "the compile cache is not under the fresh HOME");
        var cached = Dotnet.Run(hwdsl, ["run", "installed.csx", "--quick", "--threads", "2"], dir, account, TimeSpan.FromMinutes(3), offline: Dotnet.CanIsolateNetwork);
        Assert.True(cached.Exit == 0, cached.Out + cached.Err);
        Assert.Equal(Regex.Match(first.Out, @"deployed .*").Value, Regex.Match(cached.Out, @"deployed .*").Value);   // same seed, same numbers
        output.WriteLine($"hwdsl run --quick: first {first.Elapsed.TotalSeconds:F1} s (compiles), cached {cached.Elapsed.TotalSeconds:F1} s");

        var plugins = Dotnet.Run(hwdsl, ["plugins"], dir, account, TimeSpan.FromMinutes(1));
        Assert.True(plugins.Exit == 0, plugins.Out + plugins.Err);
        foreach (var project in new[] { "HwDsl.Devices.FeFet", "HwDsl.Devices.Mtj", "HwDsl.Devices.Pcm", "HwDsl.Devices.Rram" })
            Assert.Contains(Path.Combine(tools, ".store", "hwdsl", PackedFeed.ToolVersion, "hwdsl", PackedFeed.ToolVersion, "tools", "net10.0", "any", "plugins", project, project + ".dll"), plugins.Out);
    }

    [Fact]
    public void A_program_references_HwDsl_Toolkit_from_the_feed_and_HwDsl_FSharp_restores_beside_it()
    {
        RequireOfflineInCi();
        var (dir, account) = ConsumerFolder("consumer");
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HwDsl.Toolkit" Version="{PackedFeed.ToolVersion}" />
                <PackageReference Include="HwDsl.FSharp" Version="{PackedFeed.ToolVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), """
            using HwDsl;
            using HwDsl.Compiler;
            using HwDsl.Plugins;
            var spec = Experiment.Named("from-nuget").Data(Datasets.Mnist).Network(n => n.Dense(32).Relu().Dense(10))
                .On(Hardware.DifferentialPair().WeightBits(3).OnOffRatio(20)).Build();
            Console.WriteLine(spec.DebugView().Split('\n')[0]);
            Console.WriteLine($"weight bits {spec.Layers[0].WeightBits}; contract {PluginHost.ContractVersion}");
            """);
        var clock = Stopwatch.StartNew();
        var build = Dotnet.Run("dotnet", ["build", "-c", "Release", "--nologo", "--disable-build-servers"], dir, account, TimeSpan.FromMinutes(4), offline: Dotnet.CanIsolateNetwork);
        output.WriteLine($"restore + build of a program on the HwDsl.Toolkit package: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(build.Exit == 0, build.Out + build.Err);
        var bin = Path.Combine(dir, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(bin, "HwDsl.FSharp.dll")) && File.Exists(Path.Combine(bin, "FSharp.Core.dll")), "HwDsl.FSharp did not restore with its dependencies");
        var run = Dotnet.Run("dotnet", [Path.Combine(bin, "Consumer.dll")], dir, account, TimeSpan.FromMinutes(1));
        Assert.True(run.Exit == 0, run.Out + run.Err);
        Assert.StartsWith("Experiment \"from-nuget\"", run.Out);
        Assert.Contains($"weight bits 3; contract {PackedFeed.ContractsVersion}.0", run.Out);
    }

    [Fact]
    public void An_fsx_references_HwDsl_FSharp_with_r_nuget_and_builds_a_spec_that_names_its_script_line()
    {
        RequireOfflineInCi();
        var (dir, account) = ConsumerFolder("fsx");
        // F# Interactive's package manager restores "#r nuget" with the nuget.config beside the script: the feed, offline.
        File.WriteAllText(Path.Combine(dir, "spec.fsx"), $$"""
            #r "nuget: HwDsl.FSharp, {{PackedFeed.ToolVersion}}"
            open HwDsl
            open HwDsl.FSharp
            let spec =
                experiment "from-fsi" {
                    data Datasets.mnist
                    network (layers { dense 32; relu; dense 10 })
                    on (Hw.differentialPair () |> Hw.weightBits 3 |> Hw.onOffRatio 20.0)
                }
                |> Exp.build
            printfn "%s" (spec.DebugView().Split('\n').[0])
            printfn "weight bits %d" spec.Layers.[0].WeightBits
            experiment "bad" { data Datasets.mnist; network (layers { dense 10 }); on (Hw.differentialPair () |> Hw.weightBits 40) } |> Exp.build |> ignore
            """);
        var clock = Stopwatch.StartNew();
        var run = Dotnet.Run("dotnet", ["fsi", "spec.fsx"], dir, account, TimeSpan.FromMinutes(4), offline: Dotnet.CanIsolateNetwork);
        output.WriteLine($"dotnet fsi with #r \"nuget: HwDsl.FSharp\" (restore included): {clock.Elapsed.TotalSeconds:F1} s");
        Assert.StartsWith("Experiment \"from-fsi\"", run.Out);
        Assert.Contains("weight bits 3", run.Out);
        // The mistake is reported at the .fsx line that made it, as with #load.
        Assert.True(run.Exit == 1, run.Out + run.Err);
        Assert.StartsWith("spec.fsx(13): error HW0103: ", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    /// <summary>A consumer's folder on a fresh account: a nuget.config with only the feed and this machine's package cache
    /// (for the third-party packages, offline), and an empty NuGet cache of its own so nothing of ours comes from before.</summary>
    private (string Dir, Dictionary<string, string> Account) ConsumerFolder(string name)
    {
        var dir = packed.NewFolder(name);
        var home = Path.Combine(dir, "home");
        Directory.CreateDirectory(home);
        var account = PackedFeed.CleanAccount(home);
        account["NUGET_PACKAGES"] = Path.Combine(dir, "packages");
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="hwdsl" value="{packed.Feed}" />
                <add key="cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
        return (dir, account);
    }

    [Fact]
    public void The_feed_holds_the_tool_and_every_library_package_its_dependencies_name()
    {
        var packages = Directory.GetFiles(packed.Feed, "*.nupkg").Select(Nuspec).ToDictionary(n => n.Id, StringComparer.OrdinalIgnoreCase);
        output.WriteLine(string.Join("\n", packages.Values.Select(n => $"{n.Id} {n.Version}: {string.Join(", ", n.Dependencies.Select(d => $"{d.Id} {d.Version}"))}")));
        foreach (var id in new[] { "hwdsl", "HwDsl.Toolkit", "HwDsl.Contracts", "HwDsl.FSharp" }) Assert.Contains(id, packages.Keys);

        // Every HwDsl package a package depends on is in the feed, at the version named (so a restore needs nothing else of ours).
        foreach (var (id, version) in packages.Values.SelectMany(p => p.Dependencies).Where(d => d.Id.StartsWith("HwDsl", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.True(packages.TryGetValue(id, out var found), $"{id} is a dependency but not in the feed");
            Assert.Equal(version.Trim('[', ']').Split(',')[0], found!.Version);
        }
        // The contract is versioned as the contract and depends on nothing; the DSL needs it.
        Assert.Equal(PackedFeed.ContractsVersion, packages["HwDsl.Contracts"].Version);
        Assert.Empty(packages["HwDsl.Contracts"].Dependencies);
        Assert.Contains(packages["HwDsl.Dsl"].Dependencies, d => d.Id == "HwDsl.Contracts");

        // The tool: a DotnetTool package with everything inside (no dependencies) and the four device plugins beside hwdsl.dll.
        var tool = packages["hwdsl"];
        Assert.Equal("DotnetTool", tool.PackageType);
        Assert.Empty(tool.Dependencies);
        var plugins = tool.Files.Where(f => f.StartsWith("tools/net10.0/any/plugins/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["HwDsl.Devices.FeFet", "HwDsl.Devices.Mtj", "HwDsl.Devices.Pcm", "HwDsl.Devices.Rram"], plugins.Select(f => f.Split('/')[4]).Distinct().Order());
        Assert.DoesNotContain(plugins, f => f.EndsWith("/HwDsl.Contracts.dll", StringComparison.Ordinal));   // the host's contract is the one plugins get
        Assert.Contains("tools/net10.0/any/HwDsl.Dsl.xml", tool.Files);   // the REPL shows the DSL's docs
    }

    private static void RequireOfflineInCi()
    {
        if (!Dotnet.CanIsolateNetwork && Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            Assert.Fail("CI must check the install without network: 'unshare -n' is not available to this user.");
    }

    /// <summary>The shared MNIST cache, fetched first (with network) if another test has not done it yet.</summary>
    private static string SharedMnist()
    {
        var store = new DatasetStore();
        if (!store.Status().Any(s => s.Name == "mnist" && s.Available)) store.Load("mnist");
        return store.Root;
    }

    private sealed record Package(string Id, string Version, string? PackageType, IReadOnlyList<(string Id, string Version)> Dependencies, IReadOnlyList<string> Files);

    private static Package Nuspec(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var type = metadata.Descendants().FirstOrDefault(e => e.Name.LocalName == "packageType")?.Attribute("name")?.Value;
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (d.Attribute("id")!.Value, d.Attribute("version")!.Value)).ToList();
        return new Package(Value("id")!, Value("version")!, type, dependencies, [.. zip.Entries.Select(e => e.FullName)]);
    }
}
