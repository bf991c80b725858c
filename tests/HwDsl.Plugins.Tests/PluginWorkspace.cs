using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace HwDsl.Plugins.Tests;

/// <summary>
/// Builds the throwaway plugins once for all plugin tests, out of tree in a temporary folder, against the
/// HwDsl.Contracts.dll this test run loads (Private=false, as a third party would): one restore and one build of a
/// small solution, each plugin to out/NAME. Tests copy a plugin's folder into their own plugin root.
/// </summary>
public sealed class PluginWorkspace : IDisposable
{
    /// <summary>The older MathNet the "numerics" plugin brings (the host uses 5.0.0).</summary>
    public const string PluginMathNetVersion = "4.15.0";

    public PluginWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), $"hwdsl-plugin-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        Contracts = Path.Combine(AppContext.BaseDirectory, "HwDsl.Contracts.dll");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <OutDir>$(MSBuildThisFileDirectory)out/$(MSBuildProjectName)/</OutDir>
                <HwDslContracts>{Contracts}</HwDslContracts>
                <NuGetAudit>false</NuGetAudit>
                <Configuration>Release</Configuration>
              </PropertyGroup>
            </Project>
            """);

        FromTemplate("Toy", "toy");
        FromTemplate("Numerics", "numerics", NumericsSource, $"""<PackageReference Include="MathNet.Numerics" Version="{PluginMathNetVersion}" />""");
        Project("Broken", BrokenSource, ContractsReference(Contracts));
        // Uses the Toy plugin's assembly but, with Private=false, does not ship it.
        Project("MissingDep", TemplateSource("MissingDep", "missing-dep").Replace("return element.MinConductance +", "return new Toy.ToyModel().Conductance(0, element) - element.MinConductance + element.MinConductance +"),
            ContractsReference(Contracts) + """<ProjectReference Include="../Toy/Toy.csproj" Private="false" />""");
        File.WriteAllText(Path.Combine(Root, "plugins.slnx"),
            "<Solution>\n" + string.Concat(Directory.GetDirectories(Path.Combine(Root, "src")).Order().Select(d => $"  <Project Path=\"src/{Path.GetFileName(d)}/{Path.GetFileName(d)}.csproj\" />\n")) + "</Solution>\n");

        BuildTime = DotnetCli.Run(Root, "build", "plugins.slnx", "-c", "Release");
    }

    /// <summary>The temporary folder holding src/, out/ and the tests' plugin roots.</summary>
    public string Root { get; }

    /// <summary>The contract assembly the plugins compile against (the one this test process uses).</summary>
    public string Contracts { get; }

    public TimeSpan BuildTime { get; }

    /// <summary>A plugin's build output folder.</summary>
    public string Out(string project) => Path.Combine(Root, "out", project);

    /// <summary>A project's source folder.</summary>
    public string Source(string project) => Path.Combine(Root, "src", project);

    /// <summary>
    /// Makes the assembly at <paramref name="assemblyPath"/> look compiled against contract <paramref name="major"/>.0 by
    /// rewriting the version of its HwDsl.Contracts reference in the metadata (what a build against that contract
    /// would record), instead of building a second contract assembly.
    /// </summary>
    public static void PatchContractReference(string assemblyPath, ushort major)
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
        BitConverter.TryWriteBytes(bytes.AsSpan(offset, 2), major);
        BitConverter.TryWriteBytes(bytes.AsSpan(offset + 2, 2), (ushort)0);
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

    /// <summary>The template's source with its names replaced, as <c>dotnet new hwdsl-device</c> would.</summary>
    internal static string TemplateSource(string project, string device)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "template", "MyDevice.cs")).Replace("MyDevice", project).Replace("my-device", device);

    private void FromTemplate(string project, string device, string? extraSource = null, string extraItems = "")
    {
        var dir = Source(project);
        Directory.CreateDirectory(dir);
        var csproj = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "template", "MyDevice.csproj"))
            .Replace("</Project>", $"  <ItemGroup>{extraItems}</ItemGroup>\n</Project>");
        File.WriteAllText(Path.Combine(dir, project + ".csproj"), csproj);
        File.WriteAllText(Path.Combine(dir, project + ".cs"), TemplateSource(project, device));
        if (extraSource is not null) File.WriteAllText(Path.Combine(dir, "Extra.cs"), extraSource);
    }

    private void Project(string project, string source, string items, string properties = "")
    {
        var dir = Source(project);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EnableDynamicLoading>true</EnableDynamicLoading>
                {properties}
              </PropertyGroup>
              <ItemGroup>{items}</ItemGroup>
            </Project>
            """, Encoding.UTF8);
        File.WriteAllText(Path.Combine(dir, project + ".cs"), source);
    }

    private static string ContractsReference(string contracts)
        => $"""<Reference Include="HwDsl.Contracts" HintPath="{contracts}" Private="false" />""";

    // A second device in the Numerics plugin whose curve is MathNet's erf, and which says which MathNet it runs on.
    private const string NumericsSource = """
        using HwDsl.Contracts;
        using MathNet.Numerics;

        namespace Numerics;

        public sealed class ErfDevice : IDeviceModel
        {
            public string Name => "numerics-erf";
            public string Version => typeof(SpecialFunctions).Assembly.GetName().Version!.ToString();
            public string Description => "erf-shaped element computed with the plugin's own MathNet.Numerics";
            public double Conductance(double u, ElementParameters element)
                => element.MinConductance + (element.MaxConductance - element.MinConductance) * (1 + SpecialFunctions.Erf(4 * (Math.Clamp(u, 0, 1) - 0.5)) / SpecialFunctions.Erf(2)) / 2;
            public double ConductanceDerivative(double u, ElementParameters element)
                => u < 0 || u > 1 ? 0 : (element.MaxConductance - element.MinConductance) * 4 / Math.Sqrt(Math.PI) * Math.Exp(-16 * (u - 0.5) * (u - 0.5)) / SpecialFunctions.Erf(2);
            public double Programmed(double g, ElementParameters element, double sigma, double z) => g;
            public double Read(double g, ElementParameters element, double sigma, double z) => g;
        }
        """;

    private const string BrokenSource = """
        using HwDsl.Contracts;

        namespace Broken;

        public abstract class Base : IDeviceModel
        {
            public abstract string Name { get; }
            public string Version => "0.0.1";
            public string Description => "test device";
            public double Conductance(double u, ElementParameters element) => element.MinConductance + (element.MaxConductance - element.MinConductance) * Math.Clamp(u, 0, 1);
            public double ConductanceDerivative(double u, ElementParameters element) => u < 0 || u > 1 ? 0 : element.MaxConductance - element.MinConductance;
            public double Programmed(double g, ElementParameters element, double sigma, double z) => g;
            public double Read(double g, ElementParameters element, double sigma, double z) => g;
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

        public sealed class FineDevice : Base
        {
            public override string Name => "broken-fine";
        }
        """;
}
