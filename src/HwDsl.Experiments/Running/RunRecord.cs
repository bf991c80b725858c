using System.Reflection;
using HwDsl.Compiler;
using HwDsl.Contracts;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Experiments;

/// <summary>The reproducibility record of a run: what ran, on what data, with which code and devices.</summary>
internal sealed record RunRecord(ExperimentSpec Spec, Dataset Data, CompiledNetwork Network, int Threads)
{
    public object With(string status) => new
    {
        status,
        updated = DateTime.UtcNow.ToString("O"),
        name = Spec.Name,
        seed = Spec.Seed,
        mode = Spec.Training.Mode.ToString(),
        threads = Threads,
        data = new { name = Data.Name, checksum = Data.Checksum, files = Data.Files.Select(f => new { f.Role, f.Sha256, f.Path }) },
        versions = new
        {
            hwdsl = typeof(ExperimentRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            dotnet = Environment.Version.ToString(),
            mac_core = Gemm.Describe(),
            contract = $"{ContractVersion.Major}.{ContractVersion.Minor}",
            // As bound: the model's version and every parameter the device was configured with.
            devices = Network.Bound.Devices.Select(d => new { d.Name, d.Version, preset = d.Preset, settings = d.Settings.ToString() }),
        },
        network = Network.Describe(),
    };
}
