using HwDsl.Contracts;

namespace MyDevice;

/// <summary>
/// The model hwdsl finds in the plugin folder: its name, version, described parameters and presets, and
/// <see cref="Configure"/>, which turns resolved parameter values into a configured <see cref="MyDeviceElement"/>.
/// Keep parameters as plain numbers with ranges and units; cite where each preset's numbers come from.
/// </summary>
public sealed class MyDeviceModel : IDeviceModel
{
    public string Name => "my-device";

    public string Version => "1.0.0";

    public string Description => "power-law element g = Gmin + (Gmax - Gmin) u^gamma with Gaussian programming and read noise (template)";

    public IReadOnlyList<DeviceParameter> Parameters { get; } =
    [
        new("programming_noise", "fraction of Gmax", 0, 0.5, 0, "sigma of the programmed conductance"),
        new("read_noise", "fraction of Gmax", 0, 0.5, 0, "sigma of one read"),
    ];

    public IReadOnlyList<DevicePreset> Presets { get; } =
    [
        new("noisy", "illustrative values, not a measured device: replace with your source (paper, figure)",
            new Dictionary<string, double> { ["programming_noise"] = 0.02, ["read_noise"] = 0.01 }),
    ];

    public IDevice Configure(DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new MyDeviceElement(settings.Get("programming_noise"), settings.Get("read_noise"));
    }
}
