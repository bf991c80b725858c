using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace HwDsl.Plugins.Tests;

/// <summary>
/// Builds the throwaway plugins once for all plugin tests, out of tree in a temporary folder, from the device template as
/// a third party would: against the HwDsl.Contracts package, packed from the contract this test run loads into a folder
/// feed of the workspace's own (with its own package cache, so no earlier build of the package is picked up). One
/// pack, one restore and one build of a small solution, each plugin to out/NAME. Tests copy a plugin's folder into
/// their own plugin root.
/// </summary>
public sealed class PluginWorkspace : IDisposable
{
    /// <summary>The older MathNet the "numerics" plugin brings (the host uses 5.0.0).</summary>
    public const string PluginMathNetVersion = "4.15.0";

    public PluginWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), $"hwdsl-plugin-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        Feed = Path.Combine(Root, "feed");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;   // bin/<configuration>/net10.0
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DotnetCli.Run(Root, "pack", Path.Combine(RepoRoot, "src", "HwDsl.Contracts", "HwDsl.Contracts.csproj"), "-c", configuration, "--no-build",
            $"-p:PackageOutputPath={Feed}/", $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}/");
        // The feed first; the machine's package cache as a second folder source for MathNet 4.15 (put there by this
        // project's PackageDownload), so the build needs no network.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="hwdsl" value="{Feed}" />
                <add key="cache" value="{MachinePackageCache}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <OutDir>$(MSBuildThisFileDirectory)out/$(MSBuildProjectName)/</OutDir>
                <NuGetAudit>false</NuGetAudit>
                <Configuration>Release</Configuration>
              </PropertyGroup>
            </Project>
            """);

        FromTemplate("Toy", "toy");
        // The template's curve replaced by an erf computed with the plugin's own (older) MathNet, which it reports as its version.
        FromTemplate("Numerics", "numerics", t => t
            .Replace("Exponent * Math.Pow(u, Exponent - 1)", "4 / Math.Sqrt(Math.PI) * Math.Exp(-16 * (u - 0.5) * (u - 0.5)) / MathNet.Numerics.SpecialFunctions.Erf(2)")
            .Replace("Math.Pow(u, Exponent)", "(1 + MathNet.Numerics.SpecialFunctions.Erf(4 * (u - 0.5)) / MathNet.Numerics.SpecialFunctions.Erf(2)) / 2")
            .Replace("\"1.0.0\"", "typeof(MathNet.Numerics.SpecialFunctions).Assembly.GetName().Version!.ToString()"),
            $"""<PackageReference Include="MathNet.Numerics" Version="{PluginMathNetVersion}" />""");
        // The template's device ("broken-fine") plus devices that fail in each way, delegating to it. It also uses the
        // Toy plugin's assembly without shipping it (Private=false): dropped alone it misses a dependency, and
        // WithDependency adds it.
        FromTemplate("Broken", "broken-fine", t => t.Replace("public string Description => ", "public string Description => typeof(Toy.ToyModel).Name + "),
            """<ProjectReference Include="../Toy/Toy.csproj" Private="false" />""");
        File.WriteAllText(Path.Combine(Source("Broken"), "Failing.cs"), BrokenSource);
        File.WriteAllText(Path.Combine(Root, "plugins.slnx"),
            "<Solution>\n" + string.Concat(Directory.GetDirectories(Path.Combine(Root, "src")).Order().Select(d => $"  <Project Path=\"src/{Path.GetFileName(d)}/{Path.GetFileName(d)}.csproj\" />\n")) + "</Solution>\n");

        DotnetCli.Run(Root, "build", "plugins.slnx", "-c", "Release");
        BuildTime = clock.Elapsed;
    }

    /// <summary>The repository (the template and the contract's project are read from it).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>This machine's NuGet package cache.</summary>
    public static string MachinePackageCache { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The folder feed holding the HwDsl.Contracts package the plugins restore.</summary>
    public string Feed { get; }

    /// <summary>The temporary folder holding src/, out/ and the tests' plugin roots.</summary>
    public string Root { get; }

    /// <summary>Pack, restore and build of the test plugins.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>A plugin's build output folder.</summary>
    public string Out(string project) => Path.Combine(Root, "out", project);

    /// <summary>A project's source folder.</summary>
    public string Source(string project) => Path.Combine(Root, "src", project);

    /// <summary>
    /// Makes the assembly at <paramref name="assemblyPath"/> look compiled against contract <paramref name="major"/>.<paramref name="minor"/> by
    /// rewriting the version of its HwDsl.Contracts reference in the metadata (what a build against that contract
    /// would record), instead of building a second contract assembly.
    /// </summary>
    public static void PatchContractReference(string assemblyPath, int major, int minor = 0)
    {
        var bytes = File.ReadAllBytes(assemblyPath);
        int offset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var md = pe.GetMetadataReader();
            var row = md.AssemblyReferences.Select(h => MetadataTokens.GetRowNumber(h))
                .Single(r => md.GetString(md.GetAssemblyReference(MetadataTokens.AssemblyReferenceHandle(r)).Name) == "HwDsl.Contracts");
            // AssemblyRef rows start with MajorVersion, MinorVersion (two bytes each).
            offset = pe.PEHeaders.MetadataStartOffset + md.GetTableMetadataOffset(TableIndex.AssemblyRef)
                     + (row - 1) * md.GetTableRowSize(TableIndex.AssemblyRef);
        }
        BitConverter.TryWriteBytes(bytes.AsSpan(offset, 2), checked((ushort)major));
        BitConverter.TryWriteBytes(bytes.AsSpan(offset + 2, 2), checked((ushort)minor));
        File.WriteAllBytes(assemblyPath, bytes);
    }

    /// <summary>A fresh, empty plugin root for one test.</summary>
    public string NewPluginRoot()
    {
        var dir = Path.Combine(Root, "roots", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Copies a built plugin into <paramref name="root"/>/<paramref name="folderName"/> (a user dropping it in).</summary>
    public string Drop(string project, string root, string? folderName = null)
    {
        var target = Path.Combine(root, folderName ?? project);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Out(project), "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Out(project), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
        return target;
    }

    /// <summary>Copies the Toy assembly the Broken plugin needs into its dropped <paramref name="folder"/>.</summary>
    public void WithDependency(string folder) => File.Copy(Path.Combine(Out("Toy"), "Toy.dll"), Path.Combine(folder, "Toy.dll"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over it.
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HwDsl.sln"))) return dir.FullName;
        throw new InvalidOperationException("HwDsl.sln not found above the test assembly.");
    }

    private void FromTemplate(string project, string device, Func<string, string>? edit = null, string extraItems = "")
    {
        var dir = Source(project);
        Directory.CreateDirectory(dir);
        var template = Path.Combine(AppContext.BaseDirectory, "template");
        var csproj = File.ReadAllText(Path.Combine(template, "MyDevice.csproj"))
            .Replace("</Project>", $"  <ItemGroup>{extraItems}</ItemGroup>\n</Project>");
        File.WriteAllText(Path.Combine(dir, project + ".csproj"), csproj);
        foreach (var file in Directory.EnumerateFiles(template, "*.cs"))
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file).Replace("MyDevice", project)),
                (edit ?? (t => t))(File.ReadAllText(file).Replace("MyDevice", project).Replace("my-device", device)));
    }

    // Only the Base class depends on the contract's members: it forwards them to the template's model.
    private const string BrokenSource = """
        using HwDsl.Contracts;

        namespace Broken;

        public abstract class Base : IDeviceModel
        {
            private readonly BrokenModel _inner = new();
            public abstract string Name { get; }
            public string Version => _inner.Version;
            public string Description => _inner.Description;
            public IReadOnlyList<DeviceParameter> Parameters => _inner.Parameters;
            public IReadOnlyList<DevicePreset> Presets => _inner.Presets;
            public IDevice Configure(DeviceSettings settings) => _inner.Configure(settings);
        }

        public sealed class ThrowingDevice : Base
        {
            public ThrowingDevice() => throw new InvalidOperationException("calibration table missing");
            public override string Name => "throwing";
        }

        public sealed class NvmClone : Base
        {
            public override string Name => "nvm";
        }

        public sealed class NeedsArguments(double gain) : Base
        {
            public override string Name => $"needs-{gain}";
        }
        """;
}
