using HwDsl.Contracts;

namespace HwDsl.Plugins.Tests;

/// <summary>The one place the tests call a device's transfer curve (so a contract change touches one line).</summary>
internal static class Curve
{
    /// <summary>An element with r = 10, ν = 0, s = 1: Gmin = 0.1, Gmax = 1.</summary>
    public static ElementParameters Element { get; } = new(10, 0, 1);

    /// <summary>g(u) of <paramref name="model"/>, configured with its defaults, on <see cref="Element"/>.</summary>
    public static double At(IDeviceModel model, double u) => model.Configure(DeviceSettings.Defaults(model)).Conductance(u, Element);
}
