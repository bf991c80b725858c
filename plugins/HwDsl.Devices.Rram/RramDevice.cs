using HwDsl.Contracts;

namespace HwDsl.Devices.Rram;

/// <summary>A configured RRAM cell; the equations are on <see cref="RramModel"/>.</summary>
internal sealed class RramDevice(double nu, double onOff, double progScale, double readNoise, double relaxScale) : IDevice
{
    // aihwkit ReRamWan2022NoiseModel: sigma in µS as c0 + c1 x + … + c4 x^4, x = g/g_max, fitted at g_max = 40 µS.
    private const double FitGmaxMicroSiemens = 40;
    private static readonly double[] OneSecond = [0.348, 16.030, -43.853, 45.393, -16.815];
    private static readonly double[] OneDay = [0.701, 22.086, -50.773, 47.095, -16.458];
    private static readonly double[] TwoDays = [0.782, 20.274, -43.507, 37.062, -11.934];
    private const double Day = 86400;

    public int MaxBits => 8;

    public double? OnOffRatio => onOff;

    public bool Drifts => false;

    public DefectRates Defects => DefectRates.None;

    public double Conductance(double u, ElementParameters element)
        => DeviceMath.OnRange(DeviceMath.ExponentialShape(u, nu + element.NonLinearity), element);

    public double ConductanceDerivative(double u, ElementParameters element)
        => element.Scale * (1 - element.InverseOnOffRatio) * DeviceMath.ExponentialShapeDerivative(u, nu + element.NonLinearity);

    public CellState Program(double target, ElementParameters element, double sigma, IRandomSource random)
    {
        DeviceMath.CheckSigma(sigma);
        double z1 = random.NextNormal(), z2 = random.NextNormal();
        var g = target + progScale * Poly(OneSecond, target, element) * z1 + sigma * element.Scale * z2;
        return new CellState(target, Math.Max(g, 0));
    }

    public double ProgrammingSigma(double target, ElementParameters element, double sigma)
        => Hypot(progScale * Poly(OneSecond, target, element), sigma * element.Scale);

    public double Drift(CellState cell, ElementParameters element, double seconds) => cell.Conductance;

    public double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random)
    {
        var z = random.NextNormal();
        return Math.Max(cell.Conductance + ReadSigma(cell, element, sigma, seconds) * z, 0);
    }

    public double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds)
    {
        DeviceMath.CheckSigma(sigma);
        var p = Poly(OneSecond, cell.Target, element);
        var t = Poly(At(seconds), cell.Target, element);
        var relax = relaxScale * relaxScale * Math.Max(t * t - p * p, 0);
        var read = readNoise * element.Scale;
        return Math.Sqrt(read * read + relax + sigma * sigma * element.Scale * element.Scale);
    }

    public double Defective(DefectKind kind, ElementParameters element, IRandomSource random) => kind switch
    {
        DefectKind.Open => element.MinConductance,   // stuck in the high-resistance state
        DefectKind.Short => element.MaxConductance,  // stuck in the low-resistance state (filament cannot be reset)
        _ => Conductance(random.NextUniform(), element),
    };

    // The fitted polynomial at time t: 1 s below 1 s, log-time interpolation to 1 day and 2 days, held after.
    private static double[] At(double seconds)
    {
        if (seconds <= 1) return OneSecond;
        var (from, to, w) = seconds <= Day
            ? (OneSecond, OneDay, Math.Log(seconds) / Math.Log(Day))
            : (OneDay, TwoDays, Math.Min(Math.Log(seconds / Day) / Math.Log(2), 1));
        return [.. from.Zip(to, (a, b) => a + w * (b - a))];
    }

    // σ in normalized conductance: the µS polynomial at x = g/s, divided by the fit's g_max, times s.
    private static double Poly(double[] c, double g, ElementParameters element)
    {
        var x = Math.Clamp(g / element.Scale, 0, 1);
        var sum = 0.0;
        for (var i = c.Length - 1; i >= 0; i--) sum = sum * x + c[i];
        return Math.Max(sum, 0) / FitGmaxMicroSiemens * element.Scale;
    }

    private static double Hypot(double a, double b) => Math.Sqrt(a * a + b * b);
}
