using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// Deploys weights with stochastic rounding: x = w/w_max (clipped to [p_0, p_(M−1)]) lies in the cell p_k ≤ x ≤ p_(k+1)
/// of the intended levels and is programmed to p_(k+1) with probability (x − p_k)/(p_(k+1) − p_k), else to p_k, so
/// E[p] = x; the device then gives Q for that level. Draws come from (seed, sample, layer), one per weight in order.
/// </summary>
public static class StochasticRounding
{
    /// <summary>The intended level index of each weight (for inspection and tests).</summary>
    public static void Indices(ReadOnlySpan<float> w, float wMax, LevelTable programming, Span<int> index, ulong seed, int sample, int layer)
    {
        ArgumentNullException.ThrowIfNull(programming);
        if (!(wMax > 0) || !float.IsFinite(wMax)) throw new ArgumentOutOfRangeException(nameof(wMax), $"w_max must be finite and > 0; got {wMax}.");
        var rng = new SeededRandom(seed, 0x57c, (ulong)sample, (ulong)layer);
        var p = programming.Levels;
        var inverse = 1f / wMax;
        for (var i = 0; i < w.Length; i++)
        {
            var x = Math.Clamp(w[i] * inverse, p[0], p[^1]);
            var k = programming.Cell(x);
            var up = (x - p[k]) / (p[k + 1] - p[k]);
            index[i] = rng.NextDouble() < up ? k + 1 : k;
        }
    }

    /// <summary>w_eff = w_max·Q(level) with the level drawn as above; <paramref name="positive"/> and <paramref name="negative"/>,
    /// when given, receive each cell's G⁺ and G⁻.</summary>
    public static void Deploy(ReadOnlySpan<float> w, float wMax, WeightLevels levels, Span<float> wEff, ulong seed, int sample, int layer,
        Span<double> positive = default, Span<double> negative = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var index = new int[w.Length];
        Indices(w, wMax, levels.Programming, index, seed, sample, layer);
        for (var i = 0; i < w.Length; i++)
        {
            wEff[i] = levels.Values[index[i]] * wMax;
            if (!positive.IsEmpty) (positive[i], negative[i]) = (levels.PositiveConductance(index[i]), levels.NegativeConductance(index[i]));
        }
    }
}
