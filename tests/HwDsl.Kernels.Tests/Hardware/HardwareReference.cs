namespace HwDsl.Kernels.Tests.Hardware;

/// <summary>Obviously-correct scalar references for the hardware kernels: binary search, sigmoids in double.</summary>
internal static class HardwareReference
{
    public static readonly int[] Lengths = [.. Enumerable.Range(0, 68), 100_003];

    public static double Sigmoid(double t) => 1 / (1 + Math.Exp(-t));

    /// <summary>s_β(f) and s'_β(f) straight from the definition.</summary>
    public static double Smooth(double f, double beta, out double derivative)
    {
        var den = Sigmoid(beta / 2) - Sigmoid(-beta / 2);
        var sg = Sigmoid(beta * (f - 0.5));
        derivative = beta * sg * (1 - sg) / den;
        return (sg - Sigmoid(-beta / 2)) / den;
    }

    /// <summary>Cell j with q_j ≤ x &lt; q_(j+1) (x clipped; the top level belongs to the last cell), by binary search.</summary>
    public static int Cell(float[] q, float x)
    {
        int lo = 0, hi = q.Length - 2;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (q[mid] <= x) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>(y, dy/dw) for one weight; beta = null means STE (hard forward).</summary>
    public static (double Y, double D) Map(float[] q, float w, float wMax, double? beta)
    {
        var x = w * (1f / wMax);
        var inside = x >= q[0] && x <= q[^1];
        var xc = Math.Clamp(x, q[0], q[^1]);
        var j = Cell(q, xc);
        var f = (xc - q[j]) / (q[j + 1] - q[j]);
        var offset = xc - q[j];
        var hard = (offset + offset >= q[j + 1] - q[j] ? q[j + 1] : q[j]) * wMax;
        if (beta is not { } b) return (hard, inside ? 1 : 0);
        var s = Smooth(f, b, out var ds);
        return (b >= 60 ? hard : (q[j] + (q[j + 1] - (double)q[j]) * s) * wMax, inside ? ds : 0);
    }

    public static float[] SymmetricTable(int bits)
    {
        var l = (1 << bits) - 1;
        return [.. Enumerable.Range(-l, 2 * l + 1).Select(k => (float)k / l)];
    }

    public static float[] RandomTable(int m, ulong seed, double skew)
    {
        var rng = new SeededRandom(seed);
        var values = new SortedSet<float>();
        while (values.Count < m) values.Add((float)(Math.Pow(rng.NextDouble(), skew) * 2.5 - 0.7));
        return [.. values];
    }

    /// <summary>A device-like asymmetric table: bent positive side, stretched negative side, zero shifted.</summary>
    public static float[] AsymmetricTable(int bits)
    {
        var l = (1 << bits) - 1;
        static double Bend(double u, double nu) => (1 - Math.Exp(-nu * u)) / (1 - Math.Exp(-nu));
        var neg = Enumerable.Range(1, l).Reverse().Select(k => -0.2 / 10 - 1.3 * 0.9 * Bend((double)k / l, -1.5));
        var pos = Enumerable.Range(1, l).Select(k => 0.9 * Bend((double)k / l, 3));
        return [.. neg.Append(-0.02).Concat(pos).Select(v => (float)v)];
    }

    public static IEnumerable<(string Name, float[] Table)> Tables()
    {
        yield return ("symmetric 1-bit", SymmetricTable(1));
        yield return ("symmetric 4-bit", SymmetricTable(4));
        yield return ("asymmetric 3-bit", AsymmetricTable(3));
        yield return ("asymmetric 8-bit", AsymmetricTable(8));
        yield return ("random 2", RandomTable(2, 5, 1));
        yield return ("random 37 skewed", RandomTable(37, 6, 4));
        yield return ("random 3000 very skewed", RandomTable(3000, 7, 12));
        yield return ("symmetric 16-bit", SymmetricTable(16));
    }

    /// <summary>Weights spread over 1.3× the table's range (so some clip), with exact levels and endpoints mixed in.</summary>
    public static float[] Weights(float[] q, int n, float wMax, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var w = new float[n];
        float lo = q[0], hi = q[^1], mid = (lo + hi) / 2, half = (hi - lo) / 2 * 1.3f;
        for (var i = 0; i < n; i++)
        {
            w[i] = (rng.NextInt(8)) switch
            {
                0 => q[rng.NextInt(q.Length)] * wMax,
                1 => (rng.NextInt(2) == 0 ? lo : hi) * wMax,
                _ => (float)(mid + half * (2 * rng.NextDouble() - 1)) * wMax,
            };
        }
        return w;
    }
}
