using HwDsl.Contracts;

namespace HwDsl.Devices.Mtj;

/// <summary>A configured junction; the equations are on <see cref="MtjModel"/>.</summary>
internal sealed class MtjDevice(double tmr, double d2dSigma, double readNoise, DefectRates defects, double shortConductance) : IDevice
{
    public int MaxBits => 1;

    public double? OnOffRatio => 1 + tmr;

    public bool Drifts => false;

    public DefectRates Defects => defects;

    public double Conductance(double u, ElementParameters element) => DeviceMath.OnRange(Math.Clamp(u, 0, 1), element);

    public double ConductanceDerivative(double u, ElementParameters element)
        => u is < 0 or > 1 ? 0 : element.Scale * (1 - element.InverseOnOffRatio);

    public CellState Program(double target, ElementParameters element, double sigma, IRandomSource random)
    {
        DeviceMath.CheckSigma(sigma);
        double z1 = random.NextNormal(), z2 = random.NextNormal();
        return new CellState(target, Math.Max(target * (1 + d2dSigma * z1) + sigma * element.Scale * z2, 0));
    }

    public double ProgrammingSigma(double target, ElementParameters element, double sigma)
        => Math.Sqrt(Square(target * d2dSigma) + Square(sigma * element.Scale));

    public double Drift(CellState cell, ElementParameters element, double seconds) => cell.Conductance;

    public double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random)
    {
        var z = random.NextNormal();
        return Math.Max(cell.Conductance + ReadSigma(cell, element, sigma, seconds) * z, 0);
    }

    public double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds)
        => Math.Sqrt(Square(readNoise * cell.Conductance) + Square(DeviceMath.CheckSigma(sigma) * element.Scale));

    public double Defective(DefectKind kind, ElementParameters element, IRandomSource random) => kind switch
    {
        DefectKind.Open => 0,
        DefectKind.Short => shortConductance * element.MaxConductance,
        _ => random.NextUniform() < 0.5 ? element.MinConductance : element.MaxConductance,
    };

    private static double Square(double x) => x * x;
}
