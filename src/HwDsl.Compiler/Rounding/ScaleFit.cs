namespace HwDsl.Compiler;

/// <summary>
/// The per-layer scale of <see cref="FittedWeightRange"/>: s* = argmin_s Σ_i (w_i − s·Q(w_i/s))², Q the nearest level
/// as programmed (<see cref="WeightLevels.Programming"/> → <see cref="WeightLevels.Values"/>). The error is piecewise
/// quadratic in s with jumps where a weight changes level, so: a coarse search over s = max|w|·k/128, then alternating
/// assignment (nearest levels at s) and the closed-form best scale for those levels, s = Σ w·q / Σ q², while the error
/// decreases (Lloyd's iteration). Both run on at most 4096 evenly strided weights: a layer refits on every training
/// pass, and a few thousand weights pin the scale well.
/// </summary>
public static class ScaleFit
{
    private const int Candidates = 128;
    private const int SampleSize = 4096;

    /// <summary>The fitted scale (&gt; 0) for <paramref name="w"/> on <paramref name="levels"/>.</summary>
    public static float Fit(ReadOnlySpan<float> w, WeightLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var maxAbs = w.IsEmpty ? 0 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(w));
        if (!(maxAbs > 0)) return float.Epsilon;
        var stride = Math.Max(1, w.Length / SampleSize);

        float best = maxAbs;
        var bestError = double.PositiveInfinity;
        for (var k = 1; k <= Candidates; k++)
        {
            var s = maxAbs * k / Candidates;
            var e = Error(w, s, levels, stride);
            if (e < bestError) (best, bestError) = (s, e);
        }

        for (var iteration = 0; iteration < 10; iteration++)
        {
            double wq = 0, qq = 0;
            var inverse = 1f / best;
            for (var i = 0; i < w.Length; i += stride)
            {
                double q = levels.Values[levels.Programming.NearestIndex(w[i] * inverse)];
                wq += w[i] * q;
                qq += q * q;
            }
            if (!(qq > 0) || !(wq > 0)) break;
            var next = (float)(wq / qq);
            var e = Error(w, next, levels, stride);
            if (!(e < bestError)) break;
            (best, bestError) = (next, e);
        }
        return best;
    }

    /// <summary>Σ (w − s·Q(w/s))² over every <paramref name="stride"/>-th weight.</summary>
    public static double Error(ReadOnlySpan<float> w, float s, WeightLevels levels, int stride = 1)
    {
        ArgumentNullException.ThrowIfNull(levels);
        double sum = 0;
        var inverse = 1f / s;
        for (var i = 0; i < w.Length; i += stride)
        {
            double d = w[i] - s * levels.Values[levels.Programming.NearestIndex(w[i] * inverse)];
            sum += d * d;
        }
        return sum;
    }
}
