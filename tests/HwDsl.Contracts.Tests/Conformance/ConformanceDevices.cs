using HwDsl.Devices.FeFet;
using HwDsl.Devices.Mtj;
using HwDsl.Devices.Pcm;
using HwDsl.Devices.Rram;

namespace HwDsl.Contracts.Tests.Conformance;

/// <summary>Every device the repository ships: the built-in one and each plugin in plugins/ (referenced as projects
/// until the plugin host loads them from their folders).</summary>
public static class ConformanceDevices
{
    /// <summary>The models, by name.</summary>
    public static IReadOnlyDictionary<string, IDeviceModel> Models { get; } = new IDeviceModel[]
    {
        NvmDevice.Instance, new RramModel(), new MtjModel(), new PcmModel(), new FeFetModel(),
    }.ToDictionary(m => m.Name);

    /// <summary>Their names, as theory data.</summary>
    public static TheoryData<string> Names => [.. Models.Keys];
}
