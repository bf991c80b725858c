using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

/// <summary>Random operands and the double-precision check every GEMM test uses.</summary>
internal static class GemmTestSupport
{
    public static float[] RandomArray(Random random, long length)
    {
        var x = new float[length];
        for (var i = 0; i < x.Length; i++) x[i] = random.NextSingle() * 2 - 1;
        return x;
    }

    public sealed record Case(float[] A, float[] B, float[] C0, float[]? Bias, int M, int N, int K, GemmLayout Layout, bool Accumulate)
    {
        public float[] Run(MacPool? pool = null)
        {
            var c = (float[])C0.Clone();
            Gemm.Compute(A, B, c, M, N, K, Layout, Accumulate, Bias, pool);
            return c;
        }
    }

    public static Case MakeCase(int seed, int m, int n, int k, GemmLayout layout, bool accumulate, bool bias)
    {
        var random = new Random(seed);
        return new Case(RandomArray(random, (long)m * k), RandomArray(random, (long)k * n), RandomArray(random, (long)m * n),
            bias ? RandomArray(random, n) : null, m, n, k, layout, accumulate);
    }

    /// <summary>Asserts |c − ref| ≤ 4·(k+2)·ε·(Σ_p|a||b| + |bias| + |c₀|) + tiny, the reference computed in double.</summary>
    public static void AssertMatchesReference(Case t, float[] c)
    {
        int m = t.M, n = t.N, k = t.K;
        var ad = Array.ConvertAll(t.A, x => (double)x);
        var bd = Array.ConvertAll(t.B, x => (double)x);
        var reference = Array.ConvertAll(t.C0, x => (double)x);
        var biasD = t.Bias is null ? null : Array.ConvertAll(t.Bias, x => (double)x);
        GemmReference.Compute<double>(ad, bd, reference, m, n, k, t.Layout, t.Accumulate, biasD);

        // Σ_p |a||b| per element, in i-p-j order (only a bound, so the order does not matter).
        var magnitude = new double[(long)m * n];
        for (var i = 0; i < m; i++)
        for (var p = 0; p < k; p++)
        {
            var av = Math.Abs(t.Layout == GemmLayout.TN ? ad[p * m + i] : ad[i * k + p]);
            for (var j = 0; j < n; j++)
                magnitude[i * n + j] += av * Math.Abs(t.Layout == GemmLayout.NT ? bd[j * k + p] : bd[p * n + j]);
        }
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            var index = i * n + j;
            var scale = magnitude[index] + (biasD is null ? 0 : Math.Abs(biasD[j])) + (t.Accumulate ? Math.Abs(t.C0[index]) : 0);
            var tolerance = 4.0 * (k + 2) * Math.Pow(2, -23) * scale + 1e-30;
            var error = Math.Abs(c[index] - reference[index]);
            if (!(error <= tolerance))
                Assert.Fail($"{t.Layout} m={m} n={n} k={k} acc={t.Accumulate} bias={t.Bias is not null}: c[{i},{j}] = {c[index]} but reference {reference[index]} (error {error:g3} > {tolerance:g3}).");
        }
    }
}
