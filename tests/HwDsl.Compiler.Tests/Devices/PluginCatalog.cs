using HwDsl.Devices.FeFet;
using HwDsl.Devices.Mtj;
using HwDsl.Devices.Pcm;
using HwDsl.Devices.Rram;

namespace HwDsl.Compiler.Tests;

/// <summary>A catalog with the built-in device and every shipped plugin (registered directly until the host loads them).</summary>
internal static class PluginCatalog
{
    public static DeviceCatalog Create()
    {
        var catalog = new DeviceCatalog();
        catalog.Register(new RramModel());
        catalog.Register(new MtjModel());
        catalog.Register(new PcmModel());
        catalog.Register(new FeFetModel());
        return catalog;
    }
}
