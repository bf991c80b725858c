using System.Text.RegularExpressions;
using System.Xml.Linq;
using HwDsl.Contracts;

namespace HwDsl.Plugins.Tests;

/// <summary>
/// The device template (templates/hwdsl-device) as a plugin author meets it. That it builds against the packed contract
/// and loads is what every test using <see cref="PluginWorkspace"/> shows; here, what it references and what a wrong
/// set-up prints.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"hwdsl-template-{Guid.NewGuid():N}");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    private static string Template => Path.Combine(PluginWorkspace.RepoRoot, "templates", "hwdsl-device");

    [Fact]
    public void The_template_references_the_contract_package_at_the_host_contract_version_and_nothing_by_path()
    {
        var project = XDocument.Load(Path.Combine(Template, "MyDevice.csproj"));
        var version = project.Descendants("HwDslContractsVersion").Single().Value;
        Assert.Equal($"{ContractVersion.Major}.{ContractVersion.Minor}.0", version);
        var reference = project.Descendants("PackageReference").Single();
        Assert.Equal("HwDsl.Contracts", reference.Attribute("Include")!.Value);
        Assert.Equal("$(HwDslContractsVersion)", reference.Attribute("Version")!.Value);
        Assert.Equal("runtime", reference.Attribute("ExcludeAssets")!.Value);   // the host's contract is the one loaded
        Assert.Empty(project.Descendants("Reference"));
        Assert.DoesNotContain("HintPath", File.ReadAllText(Path.Combine(Template, "MyDevice.csproj")));
        Assert.DoesNotContain("contracts", File.ReadAllText(Path.Combine(Template, ".template.config", "template.json")));
    }

    [Fact]
    public void Without_a_source_for_the_contract_the_build_stops_with_one_line_saying_what_to_do()
    {
        Directory.CreateDirectory(_dir);
        foreach (var file in Directory.EnumerateFiles(Template)) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        // A fresh package cache and one folder source without HwDsl.Contracts: a machine where ./install.sh never ran.
        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_dir, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="elsewhere" value="{Path.Combine(_dir, "empty-feed")}" />
              </packageSources>
            </configuration>
            """);
        Directory.CreateDirectory(Path.Combine(_dir, "empty-feed"));

        var (exit, stdout, stderr, _) = DotnetCli.Capture(_dir, ["build", "MyDevice.csproj", "--disable-build-servers", "-nologo"],
            new Dictionary<string, string?> { ["MSBuildSDKsPath"] = null, ["MSBuildExtensionsPath"] = null, ["MSBUILD_EXE_PATH"] = null, ["DOTNET_NOLOGO"] = "1" },
            TimeSpan.FromMinutes(2));
        var text = stdout + stderr;
        Assert.NotEqual(0, exit);
        var errors = text.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, @": error [A-Z]+\d+:")).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains($"error HW0170: HwDsl.Contracts {ContractVersion.Major}.{ContractVersion.Minor}.0 is in none of the package sources", error);
        Assert.Contains("run ./install.sh once in a hwdsl checkout", error);
        Assert.DoesNotContain("CS0246", text);
        Assert.DoesNotContain("NU1101", text);
    }
}
