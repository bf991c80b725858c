using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// Draws dies from a network's defect statistics. A die depends only on (seed, purpose, die index): rates per array
/// from <c>SeededRandom(seed, purpose, die, layer, 0)</c>, then per device exactly two uniforms (state, stuck level)
/// from stream 1 and one normal (variation) from stream 2. So die i is the same in a population of any size, and
/// training dies (another purpose) never coincide with evaluation dies.
/// </summary>
public static class DieSampler
{
    /// <summary>The purpose id of evaluation populations.</summary>
    public const ulong Evaluation = 0xE7A1;

    /// <summary>The purpose id of the dies statistics-aware training draws.</summary>
    public const ulong Training = 0x7A41;

    /// <summary>Die <paramref name="die"/> of the population (<paramref name="seed"/>, <paramref name="purpose"/>).</summary>
    public static DieMap Sample(IReadOnlyList<LayerHardware> layers, IReadOnlyList<ArrayShape> shapes, ulong seed, ulong purpose, long die)
    {
        var arrays = new List<ArrayDefects>(shapes.Count);
        foreach (var shape in shapes)
        {
            var array = new ArrayDefects(shape.Layer, shape.Rows, shape.Cols, shape.Elements);
            Fill(array, layers[shape.Layer], seed, purpose, die);
            arrays.Add(array);
        }
        return new DieMap($"die {die} (seed {seed})", arrays);
    }

    /// <summary>Samples into an existing array (statistics-aware training reuses its buffers).</summary>
    public static void Fill(ArrayDefects array, LayerHardware hardware, ulong seed, ulong purpose, long die)
    {
        var rates = new SeededRandom(seed, purpose, (ulong)die, (ulong)array.Layer, 0);
        double open = Draw(hardware.Defects.Open, rates), shorted = Draw(hardware.Defects.Shorted, rates), stuck = Draw(hardware.Defects.StuckRandom, rates);
        // Per-die draws of independent kinds can exceed 1 together in rare dies; scale them down to a valid mixture then.
        var total = open + shorted + stuck;
        if (total > 1) (open, shorted, stuck) = (open / total, shorted / total, stuck / total);
        double tOpen = open, tShort = open + shorted, tStuck = open + shorted + stuck;
        var levels = hardware.Binary ? 2 : 1 << hardware.WeightBits;
        var sigma = hardware.DeviceToDevice;

        var states = new SeededRandom(seed, purpose, (ulong)die, (ulong)array.Layer, 1);
        var variation = new SeededRandom(seed, purpose, (ulong)die, (ulong)array.Layer, 2);
        var s = array.States;
        var v = array.Values;
        for (var i = 0; i < s.Length; i++)
        {
            double u = states.NextDouble(), level = states.NextDouble();
            if (u < tOpen) { s[i] = DeviceState.Open; v[i] = 0; }
            else if (u < tShort) { s[i] = DeviceState.Short; v[i] = 1; }
            else if (u < tStuck) { s[i] = DeviceState.Stuck; v[i] = (float)(Math.Min((int)(level * levels), levels - 1) / (double)(levels - 1)); }
            else { s[i] = DeviceState.Ok; v[i] = sigma > 0 ? (float)Math.Max(0, 1 + sigma * variation.NextNormal()) : 1f; }
        }
    }

    /// <summary>One die's rate from its distribution.</summary>
    public static double Draw(RateDistribution rate, SeededRandom rng) => rate switch
    {
        FixedRate f => f.Rate,
        BetaRate b => BetaSample(b.Alpha, b.Beta, rng),
        _ => throw new ArgumentOutOfRangeException(nameof(rate), rate, "unknown rate distribution"),
    };

    private static double BetaSample(double a, double b, SeededRandom rng)
    {
        var x = Gamma(a, rng);
        var y = Gamma(b, rng);
        return x / (x + y);
    }

    // Marsaglia & Tsang (2000); shape < 1 through Gamma(shape + 1)·U^(1/shape).
    private static double Gamma(double shape, SeededRandom rng)
    {
        if (shape < 1) return Gamma(shape + 1, rng) * Math.Pow(1 - rng.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do { z = rng.NextNormal(); v = 1 + c * z; } while (v <= 0);
            v = v * v * v;
            var u = 1 - rng.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
