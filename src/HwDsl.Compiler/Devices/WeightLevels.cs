using HwDsl.Contracts;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// The achievable effective weights of a layer (units of w_max), each with the element levels and conductances that
/// realise it, built from a device model. For a differential pair with L = 2^b levels per element and u_k = k/(L−1):
/// <code>
/// N_k = g⁺(0) − g⁻(u_k), k = L−1..1;   Z = g⁺(0) − g⁻(0);   P_k = g⁺(u_k) − g⁻(0), k = 1..L−1
/// </code>
/// (2L − 1 values); with a single element against the reference ½: Q_k = 2·g(u_k) − 1, k = 0..L−1.
/// <para>
/// Programming is device-unaware, as in a fixed hardware write scheme: a weight x = w/w_max picks the nearest
/// <i>intended</i> level p_i on the even grid over [−1, 1] (<see cref="Programming"/>), and the device then gives
/// whatever Q_i its curve, on/off ratio and asymmetry make of it (<see cref="Response"/>). So weights → device levels →
/// conductances → effective weights, and the non-idealities distort a naively mapped network, which hardware-aware
/// training learns to absorb. For the ideal device Q_i = p_i.
/// </para>
/// </summary>
public sealed class WeightLevels
{
    private const double ReferenceConductance = 0.5;

    private readonly int[] _positiveLevel, _negativeLevel;
    private readonly double[] _positiveG, _negativeG;

    private WeightLevels(IDevice device, string deviceName, ElementParameters positive, ElementParameters negative, int bits, WeightMapping mapping,
        List<(double Value, int KPos, int KNeg, double GPos, double GNeg)> entries)
    {
        Device = device;
        DeviceName = deviceName;
        Positive = positive;
        Negative = negative;
        Bits = bits;
        Mapping = mapping;
        _values = entries.Select(e => (float)e.Value).ToArray();
        _positiveLevel = [.. entries.Select(e => e.KPos)];
        _negativeLevel = [.. entries.Select(e => e.KNeg)];
        _positiveG = [.. entries.Select(e => e.GPos)];
        _negativeG = [.. entries.Select(e => e.GNeg)];
        // Intended levels are evenly spaced over [-1, 1]: 2L-1 signed levels for a pair, L for a single element.
        var half = (_values.Length - 1) / 2.0;
        Programming = new LevelTable([.. Enumerable.Range(0, _values.Length).Select(i => (float)((i - half) / half))]);
        Response = new DeviceResponse(-1f, (float)(1 / half), _values);
        Min = _values.Min();
        Max = _values.Max();
        HasIntrinsicNoise = device.Drifts || Intrinsic(device, positive, _positiveG) || (mapping == WeightMapping.DifferentialPair && Intrinsic(device, negative, _negativeG));
    }

    private readonly float[] _values;

    /// <summary>The configured device the levels come from.</summary>
    public IDevice Device { get; }

    /// <summary>The device model's name (for messages).</summary>
    public string DeviceName { get; }

    /// <summary>True when the device has noise or drift of its own (beyond the hardware description's σ), so a deployment
    /// must go through it even when the description sets no noise.</summary>
    public bool HasIntrinsicNoise { get; }

    /// <summary>Parameters of the positive (or only) element.</summary>
    public ElementParameters Positive { get; }

    /// <summary>Parameters of the negative element (unused by <see cref="WeightMapping.SingleWithReference"/>).</summary>
    public ElementParameters Negative { get; }

    /// <summary>Bits per element (L = 2^bits levels).</summary>
    public int Bits { get; }

    /// <summary>How a weight is stored.</summary>
    public WeightMapping Mapping { get; }

    /// <summary>The intended levels p_i, evenly spaced over [−1, 1]: the table the mapping kernels round or relax x on.</summary>
    public LevelTable Programming { get; }

    /// <summary>What the device gives for each intended level: Q_i in units of w_max (monotone for a monotone device).</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The device response p_i → Q_i, piecewise linear in between (applied after the relaxed mapper in training).</summary>
    public DeviceResponse Response { get; }

    /// <summary>Number of intended levels.</summary>
    public int Count => _values.Length;

    /// <summary>The most negative achievable value.</summary>
    public float Min { get; }

    /// <summary>The most positive achievable value.</summary>
    public float Max { get; }

    /// <summary>Level programmed into the positive (or only) element for value <paramref name="i"/>.</summary>
    public int PositiveLevel(int i) => _positiveLevel[i];

    /// <summary>Level programmed into the negative element for value <paramref name="i"/> (−1 with a single element).</summary>
    public int NegativeLevel(int i) => _negativeLevel[i];

    /// <summary>Conductance of the positive (or only) element for value <paramref name="i"/>.</summary>
    public double PositiveConductance(int i) => _positiveG[i];

    /// <summary>Conductance of the negative element (the reference ½ with a single element) for value <paramref name="i"/>.</summary>
    public double NegativeConductance(int i) => _negativeG[i];

    /// <summary>Builds the level table; throws <see cref="ArgumentException"/> naming the device and level when a transfer
    /// curve is not monotone, not finite or leaves [Gmin, Gmax].</summary>
    public static WeightLevels Build(IDevice device, ElementParameters positive, ElementParameters negative, int bits, WeightMapping mapping,
        string? deviceName = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        var name = deviceName ?? (device as IDeviceModel)?.Name ?? device.GetType().Name;
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(negative);
        if (bits is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(bits), $"weight bits must be in 1..16; got {bits}.");
        if (!Enum.IsDefined(mapping)) throw new ArgumentOutOfRangeException(nameof(mapping), $"unknown weight mapping {mapping}.");
        var levels = 1 << bits;
        var gp = Curve(device, name, positive, levels, "positive");

        var entries = new List<(double Value, int KPos, int KNeg, double GPos, double GNeg)>(2 * levels);
        if (mapping == WeightMapping.DifferentialPair)
        {
            var gn = Curve(device, name, negative, levels, "negative");
            for (var k = levels - 1; k >= 1; k--) entries.Add((gp[0] - gn[k], 0, k, gp[0], gn[k]));
            entries.Add((gp[0] - gn[0], 0, 0, gp[0], gn[0]));
            for (var k = 1; k < levels; k++) entries.Add((gp[k] - gn[0], k, 0, gp[k], gn[0]));
        }
        else
        {
            for (var k = 0; k < levels; k++) entries.Add((2 * (gp[k] - ReferenceConductance), k, -1, gp[k], ReferenceConductance));
        }

        if (entries.Select(e => e.Value).Distinct().Count() < 2)
            throw new ArgumentException($"device '{name}' gives fewer than 2 distinct weight levels at {bits} bit(s).", nameof(device));
        return new WeightLevels(device, name, positive, negative, bits, mapping, entries);
    }

    /// <summary>
    /// Deploys weights (device path: <see cref="IDevice.Program"/>, then <see cref="IDevice.Read"/> at
    /// <see cref="DeployNoise.Seconds"/>, when <see cref="DeployNoise.IsNoisy"/>): each is programmed to its nearest intended level (x = w·(1/w_max), as the kernels compute it; at a cell's exact midpoint the upper
    /// one, as <see cref="WeightMapper.Hard"/> does) and takes the device's value Q_i for it; then, when <paramref name="noise"/> has σ &gt; 0, each element of
    /// the pair — the one left at level 0 too — is programmed with <see cref="IDevice.Program"/> and read with
    /// <see cref="IDevice.Read"/> using its own standard-normal draw, and w_eff = w_max·(G⁺' − G⁻')
    /// (w_max·2·(G' − ½) with a single element). Without noise the result is <see cref="Response"/> applied to
    /// <see cref="WeightMapper.Hard"/> on <see cref="Programming"/>. When given, <paramref name="positive"/> and
    /// <paramref name="negative"/> receive each cell's programmed (and read) G⁺ and G⁻ (the reference ½ with a single element).
    /// </summary>
    public void Deploy(ReadOnlySpan<float> w, float wMax, Span<float> wEff, DeployNoise noise, Span<double> positive = default, Span<double> negative = default)
    {
        ArgumentNullException.ThrowIfNull(noise);
        if (!(wMax > 0) || !float.IsFinite(wMax)) throw new ArgumentOutOfRangeException(nameof(wMax), $"w_max must be finite and > 0; got {wMax}.");
        if (wEff.Length != w.Length) throw new ArgumentException($"output length {wEff.Length} differs from input length {w.Length}.");
        var values = Values;
        var inverse = 1f / wMax; // x = w·(1/w_max), as the kernels compute it
        var conductances = !positive.IsEmpty;
        if (conductances && (positive.Length != w.Length || negative.Length != w.Length))
            throw new ArgumentException($"conductance outputs hold {positive.Length} and {negative.Length} cells; the weights {w.Length}.");
        if (!noise.IsNoisy)
        {
            for (var i = 0; i < w.Length; i++)
            {
                var k = Programming.NearestIndex(w[i] * inverse);
                wEff[i] = values[k] * wMax;
                if (conductances) (positive[i], negative[i]) = (_positiveG[k], _negativeG[k]);
            }
            return;
        }

        var programming = new SeededRandomSource(noise.Seed, (ulong)noise.Sample, (ulong)noise.Layer, 0);
        var reading = new SeededRandomSource(noise.Seed, (ulong)noise.Sample, (ulong)noise.Layer, 1 + (ulong)noise.Read);
        var single = Mapping == WeightMapping.SingleWithReference;
        for (var i = 0; i < w.Length; i++)
        {
            var k = Programming.NearestIndex(w[i] * inverse);
            // Program both elements, then read both: with the built-in device this draws z+, z- from the programming
            // stream and r+, r- from the read stream for each weight, as version 1 of the contract did.
            var cellP = Device.Program(_positiveG[k], Positive, noise.ProgrammingSigma, programming);
            var cellN = single ? default : Device.Program(_negativeG[k], Negative, noise.ProgrammingSigma, programming);
            var gp = Device.Read(cellP, Positive, noise.ReadSigma, noise.Seconds, reading);
            var gn = single ? ReferenceConductance : Device.Read(cellN, Negative, noise.ReadSigma, noise.Seconds, reading);
            var value = single ? 2 * (gp - ReferenceConductance) : gp - gn;
            wEff[i] = (float)(wMax * value);
            if (conductances) (positive[i], negative[i]) = (gp, gn);
        }
    }

    private static bool Intrinsic(IDevice device, ElementParameters element, double[] g)
        => g.Any(x => device.ProgrammingSigma(x, element, 0) > 0
            || device.ReadSigma(new CellState(x, x), element, 0, 0) > 0
            || device.ReadSigma(new CellState(x, x), element, 0, 365 * 86400.0) > 0);   // noise that only grows later (RRAM relaxation)

    private static double[] Curve(IDevice device, string name, ElementParameters element, int levels, string which)
    {
        var g = new double[levels];
        for (var k = 0; k < levels; k++)
        {
            g[k] = device.Conductance(k / (double)(levels - 1), element);
            if (!double.IsFinite(g[k]))
                throw new ArgumentException($"device '{name}': {which} element conductance at level {k} is not finite ({g[k]}).", nameof(device));
            if (k > 0 && g[k] < g[k - 1])
                throw new ArgumentException(
                    $"device '{name}' is not monotone: {which} element level {k} gives G = {g[k]:R} below level {k - 1} ({g[k - 1]:R}).",
                    nameof(device));
            var tolerance = 1e-9 * element.Scale;
            if (g[k] < element.MinConductance - tolerance || g[k] > element.MaxConductance + tolerance)
                throw new ArgumentException(
                    $"device '{name}': {which} element level {k} gives G = {g[k]:R}, outside [{element.MinConductance:R}, {element.MaxConductance:R}].",
                    nameof(device));
        }
        return g;
    }
}
