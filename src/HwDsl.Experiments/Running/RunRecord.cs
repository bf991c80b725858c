using System.Reflection;
using HwDsl.Compiler;
using HwDsl.Contracts;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Experiments;

/// <summary>The reproducibility record of a run: what ran, on what data, with which code and devices.</summary>
internal sealed record RunRecord(ExperimentSpec Spec, Dataset Data, CompiledNetwork Network, DeviceCatalog Devices, int Threads)
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
            devices = Spec.Layers.Where(l => !l.Digital).Select(l => (l.Device, l.DeviceChoice)).Distinct()
                .Select(d => (Model: Devices.Resolve(d.Device), d.DeviceChoice))
                .Select(d => new { d.Model.Name, d.Model.Version, settings = d.DeviceChoice.ToString() }),
        },
        network = Network.Describe(),
    };
}
