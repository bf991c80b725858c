namespace HwDsl.Kernels.Tests.Hardware;

using static HardwareReference;

/// <summary>The uniform activation quantizer against the definition, and the in-cell sigmoid's own properties.</summary>
public sealed class ActivationQuantizerTests
{
    private static float[] Activations(int n, float range, ulong seed)
    {
        var rng = new SeededRandom(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((1.4 * rng.NextDouble() - 0.2) * range))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void All_three_forms_match_the_definition(int bits)
    {
        const float range = 2.5f;
        var steps = (1 << bits) - 1;
        var step = range / steps;
        foreach (var n in Lengths)
        {
            var a = Activations(n, range, (ulong)(n + bits * 1000));
            var y = new float[n]; var d = new float[n];
            ActivationQuantizer.Hard(a, bits, range, y);
            for (var i = 0; i < n; i++)
            {
                var k = Math.Clamp(Math.Floor((double)(a[i] / step) + 0.5), 0, steps);
                Expect.True((float)k * step == y[i], $"bits={bits}, n={n}, i={i}: {y[i]} vs {k * step} for a={a[i]}");
            }

            var hard = (float[])y.Clone();
            ActivationQuantizer.Ste(a, bits, range, y, d);
            Assert.Equal(hard, y);
            for (var i = 0; i < n; i++) Assert.Equal(a[i] / step >= 0 && a[i] / step <= steps ? 1f : 0f, d[i]);

            foreach (var beta in new[] { 0.02, 3, 25, 60 })
            {
                ActivationQuantizer.Relaxed(a, bits, range, beta, y, d);
                for (var i = 0; i < n; i++)
                {
                    var x = a[i] / step;
                    var xc = Math.Clamp(x, 0, steps);
                    var j = Math.Min(MathF.Floor(xc), steps - 1);
                    var s = Smooth(xc - j, beta, out var ds);
                    var ry = beta >= 60 ? hard[i] : (j + s) * step;
                    var rd = x >= 0 && x <= steps ? ds : 0;
                    Expect.True(Math.Abs(y[i] - ry) <= 1e-6 * Math.Max(1, beta) * step + 4e-7 * Math.Abs(ry), $"bits={bits}, β={beta}, i={i}: {y[i]} vs {ry}");
                    Expect.True(Math.Abs(d[i] - rd) <= 2e-5 * Math.Max(1, beta * beta / 16) + 1e-5 * rd, $"bits={bits}, β={beta}, i={i}: d {d[i]} vs {rd}");
                }
            }
        }
    }

    [Fact]
    public void Relaxed_quantizer_is_the_weight_mapper_on_a_uniform_table()
    {
        const int bits = 3;
        float[] q = [.. Enumerable.Range(0, 8).Select(k => k / 7f)];
        var a = Activations(1003, 1, 5);
        var y1 = new float[a.Length]; var d1 = new float[a.Length];
        var y2 = new float[a.Length]; var d2 = new float[a.Length];
        ActivationQuantizer.Relaxed(a, bits, 1, 6, y1, d1);
        WeightMapper.Relaxed(new LevelTable(q), a, 1, 6, y2, d2);
        for (var i = 0; i < a.Length; i++)
        {
            Expect.True(Math.Abs(y1[i] - y2[i]) <= 1e-6, $"{y1[i]} vs {y2[i]}");
            Expect.True(Math.Abs(d1[i] - d2[i]) <= 1e-4, $"{d1[i]} vs {d2[i]}");
        }
    }

    [Fact]
    public void In_cell_sigmoid_has_fixed_ends_and_equal_end_slopes()
    {
        foreach (var beta in new[] { 1e-4, 0.05, 1, 7, 59, 60, 300 })
        {
            Assert.Equal(0, RelaxedStep.Value(0, beta, out var d0), 12);
            Assert.Equal(1, RelaxedStep.Value(1, beta, out var d1), 12);
            Assert.Equal(d0, d1, 12);
            var s = Smooth(0.3, beta, out var ds);
            if (beta < 60) Assert.Equal(s, RelaxedStep.Value(0.3, beta, out _), 9);
            Assert.Equal(ds, RelaxedStep.Value(0.3, beta, out var dv) * 0 + dv, 1e-9 * Math.Max(1, ds));
        }
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        var y = new float[2]; var d = new float[2];
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationQuantizer.Hard(new float[2], 0, 1, y));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationQuantizer.Hard(new float[2], 17, 1, y));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationQuantizer.Hard(new float[2], 4, 0, y));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationQuantizer.Relaxed(new float[2], 4, 1, -1, y, d));
    }
}
