using HwDsl.Contracts;

namespace MyDevice;

/// <summary>
/// A power-law conductance element: g(u) = Gmin + (Gmax − Gmin)·u^γ, with additive Gaussian programming and read noise
/// clipped to [Gmin, Gmax]. Replace the curve with your device's; keep the methods pure (the host supplies the random
/// draws z), monotone, and inside [Gmin, Gmax].
/// </summary>
public sealed class MyDeviceModel : IDeviceModel
{
    // γ = 1 is linear; γ > 1 bunches the levels near Gmin.
    private const double Exponent = 1.0;

    public string Name => "my-device";

    public string Version => "1.0.0";

    public string Description => "power-law element g = Gmin + (Gmax - Gmin) u^gamma (template)";

    public double Conductance(double u, ElementParameters element)
    {
        u = Math.Clamp(u, 0, 1);
        return element.MinConductance + (element.MaxConductance - element.MinConductance) * Math.Pow(u, Exponent);
    }

    public double ConductanceDerivative(double u, ElementParameters element)
    {
        if (u < 0 || u > 1) return 0;
        return (element.MaxConductance - element.MinConductance) * Exponent * Math.Pow(u, Exponent - 1);
    }

    public double Programmed(double g, ElementParameters element, double sigma, double z) => Noisy(g, element, sigma, z);

    public double Read(double g, ElementParameters element, double sigma, double z) => Noisy(g, element, sigma, z);

    private static double Noisy(double g, ElementParameters element, double sigma, double z)
        => sigma == 0 ? g : Math.Clamp(g + sigma * element.Scale * z, element.MinConductance, element.MaxConductance);
}
