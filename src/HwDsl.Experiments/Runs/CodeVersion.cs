using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using HwDsl.Compiler;
using HwDsl.Contracts;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// Which code computed a run: the source revision the build came from (<c>git describe --always --dirty</c> at build time;
/// <c>-dirty</c> when the tree had local changes) and a hash over the identities (MVIDs) of the assemblies that compute
/// results. Builds are deterministic, so the same sources give the same MVIDs, and any change to them — committed or not —
/// changes the hash: that is what replay and resume compare.
/// </summary>
/// <param name="Revision">The build's source revision, e.g. <c>3e2cecb-dirty</c>, or <c>unknown</c>.</param>
/// <param name="Dirty">True when the build's tree had uncommitted changes.</param>
/// <param name="AssembliesSha256">SHA-256 over the computing assemblies' names and MVIDs.</param>
public sealed record CodeVersion(string Revision, bool Dirty, string AssembliesSha256)
{
    /// <summary>The assemblies whose code decides the numbers (kernels up to this runner); hosts above only pass options.</summary>
    public static IReadOnlyList<Assembly> Computing { get; } =
    [
        typeof(MacPool).Assembly, typeof(Autodiff.Tape<float>).Assembly, typeof(Dataset).Assembly, typeof(Trainer).Assembly,
        typeof(IDeviceModel).Assembly, typeof(ExperimentSpec).Assembly, typeof(NetworkCompiler).Assembly, typeof(ExperimentRunner).Assembly,
    ];

    /// <summary>This process's code.</summary>
    public static CodeVersion Current { get; } = Compute();

    private static CodeVersion Compute()
    {
        var revision = typeof(CodeVersion).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceRevision")?.Value is { Length: > 0 } r ? r : "unknown";
        var text = new StringBuilder();
        foreach (var a in Computing) text.Append(a.GetName().Name).Append(' ').Append(a.ManifestModule.ModuleVersionId).Append('\n');
        return new CodeVersion(revision, revision.EndsWith("-dirty", StringComparison.Ordinal),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    /// <summary>The identity of a device model's code: its assembly's MVID (plugins are built deterministically too).</summary>
    public static string Identity(IDeviceModel model) => model.GetType().Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
