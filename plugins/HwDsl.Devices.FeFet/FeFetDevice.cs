using HwDsl.Contracts;

namespace HwDsl.Devices.FeFet;

/// <summary>A configured FeFET cell; the equations are on <see cref="FeFetModel"/>.</summary>
internal sealed class FeFetDevice : IDevice
{
    private readonly int _bits;
    private readonly double _onOff, _vtSigma, _readNoise;
    private readonly double[] _bitWeight;   // each bit's share of the full-scale current (sums to 1)
    private readonly double[] _level;       // C_k / C_max, k = 0..2^bits − 1

    internal FeFetDevice(int bits, double onOff, double msbError, double vtSigma, double readNoise)
    {
        _bits = bits;
        _onOff = onOff;
        _vtSigma = vtSigma;
        _readNoise = readNoise;
        var raw = Enumerable.Range(0, bits).Select(b => (1 << b) * (b == bits - 1 ? 1 + msbError : 1)).ToArray();
        var total = raw.Sum();
        _bitWeight = [.. raw.Select(w => w / total)];
        _level = [.. Enumerable.Range(0, 1 << bits).Select(k => Enumerable.Range(0, bits).Where(b => (k >> b & 1) == 1).Sum(b => _bitWeight[b]))];
    }

    public int MaxBits => _bits;

    public double? OnOffRatio => _onOff;

    public bool Drifts => false;

    public DefectRates Defects => DefectRates.None;

    public double Conductance(double u, ElementParameters element) => DeviceMath.OnRange(Shape(Math.Clamp(u, 0, 1)), element);

    public double ConductanceDerivative(double u, ElementParameters element)
    {
        if (u is < 0 or > 1) return 0;
        var n = _level.Length - 1;
        var j = Math.Min((int)Math.Floor(u * n), n - 1);
        return element.Scale * (1 - element.InverseOnOffRatio) * (_level[j + 1] - _level[j]) * n;
    }

    public CellState Program(double target, ElementParameters element, double sigma, IRandomSource random)
    {
        DeviceMath.CheckSigma(sigma);
        var k = NearestLevel(target, element);
        var g = target;
        for (var b = 0; b < _bits; b++)
        {
            var z = random.NextNormal();   // one draw per bit, set or not, so cells never shift each other's draws
            if ((k >> b & 1) == 1) g += BitConductance(b, element) * _vtSigma * z;
        }
        g += sigma * element.Scale * random.NextNormal();
        return new CellState(target, Math.Max(g, 0));
    }

    public double ProgrammingSigma(double target, ElementParameters element, double sigma)
    {
        var k = NearestLevel(target, element);
        var variance = Enumerable.Range(0, _bits).Where(b => (k >> b & 1) == 1).Sum(b => Square(BitConductance(b, element) * _vtSigma));
        return Math.Sqrt(variance + Square(sigma * element.Scale));
    }

    public double Drift(CellState cell, ElementParameters element, double seconds) => cell.Conductance;

    public double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random)
    {
        var z = random.NextNormal();
        return Math.Max(cell.Conductance + ReadSigma(cell, element, sigma, seconds) * z, 0);
    }

    public double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds)
        => element.Scale * Math.Sqrt(Square(_readNoise) + Square(DeviceMath.CheckSigma(sigma)));

    public double Defective(DefectKind kind, ElementParameters element, IRandomSource random) => kind switch
    {
        DefectKind.Open => element.MinConductance,
        DefectKind.Short => element.MaxConductance,
        _ => DeviceMath.OnRange(_level[(int)(random.NextUniform() * _level.Length)], element),
    };

    private double Shape(double u)
    {
        var n = _level.Length - 1;
        var x = u * n;
        var j = Math.Min((int)Math.Floor(x), n - 1);
        return _level[j] + (_level[j + 1] - _level[j]) * (x - j);
    }

    private double BitConductance(int b, ElementParameters element) => element.Scale * (1 - element.InverseOnOffRatio) * _bitWeight[b];

    // The cell level whose conductance is closest to the target (the host aims only at levels of the curve).
    private int NearestLevel(double target, ElementParameters element)
    {
        var best = 0;
        for (var k = 1; k < _level.Length; k++)
            if (Math.Abs(DeviceMath.OnRange(_level[k], element) - target) < Math.Abs(DeviceMath.OnRange(_level[best], element) - target)) best = k;
        return best;
    }

    private static double Square(double x) => x * x;
}
