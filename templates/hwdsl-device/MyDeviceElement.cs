using HwDsl.Contracts;

namespace MyDevice;

/// <summary>
/// A configured element: g(u) = Gmin + (Gmax − Gmin)·u^γ, programmed with Gaussian noise of σ_p·Gmax and read with
/// σ_r·Gmax (plus the hardware description's own σ), clipped to [Gmin, Gmax]; no drift, no defects. Replace the curve
/// with your device's; keep every method a pure function of its arguments and the draws from the random source.
/// </summary>
public sealed class MyDeviceElement(double programmingNoise, double readNoise) : IDevice
{
    // γ = 1 is linear; γ > 1 bunches the levels near Gmin.
    private const double Exponent = 1.0;

    public int MaxBits => 16;

    public double? OnOffRatio => null;

    public bool Drifts => false;

    public DefectRates Defects => DefectRates.None;

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

    public CellState Program(double target, ElementParameters element, double sigma, IRandomSource random)
    {
        var spread = ProgrammingSigma(target, element, sigma);
        var g = spread == 0 ? target : Clip(target + spread * random.NextNormal(), element);
        return new CellState(target, g);
    }

    public double ProgrammingSigma(double target, ElementParameters element, double sigma)
        => element.Scale * Math.Sqrt(programmingNoise * programmingNoise + sigma * sigma);

    public double Drift(CellState cell, ElementParameters element, double seconds) => cell.Conductance;

    public double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random)
    {
        var spread = ReadSigma(cell, element, sigma, seconds);
        return spread == 0 ? cell.Conductance : Clip(cell.Conductance + spread * random.NextNormal(), element);
    }

    public double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds)
        => element.Scale * Math.Sqrt(readNoise * readNoise + sigma * sigma);

    public double Defective(DefectKind kind, ElementParameters element, IRandomSource random) => kind switch
    {
        DefectKind.Open => element.MinConductance,
        DefectKind.Short => element.MaxConductance,
        _ => random.NextUniform() < 0.5 ? element.MinConductance : element.MaxConductance,
    };

    private static double Clip(double g, ElementParameters element) => Math.Clamp(g, element.MinConductance, element.MaxConductance);
}
