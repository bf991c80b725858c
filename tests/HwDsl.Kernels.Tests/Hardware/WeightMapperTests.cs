namespace HwDsl.Kernels.Tests.Hardware;

using static HardwareReference;

/// <summary>The weight mapper against the scalar reference, over lengths 0..67 and a large odd one, many tables and β.</summary>
public sealed class WeightMapperTests
{
    private static readonly double[] Betas = [0.01, 0.5, 2, 8, 30, 59.9, 60, 500];

    [Fact]
    public void Hard_and_ste_equal_the_reference_exactly()
    {
        foreach (var (name, q) in Tables())
        {
            var table = new LevelTable(q);
            foreach (var n in Lengths)
            {
                var w = Weights(q, n, 0.37f, (ulong)n);
                var y = new float[n]; var ys = new float[n]; var d = new float[n];
                WeightMapper.Hard(table, w, 0.37f, y);
                WeightMapper.Ste(table, w, 0.37f, ys, d);
                for (var i = 0; i < n; i++)
                {
                    var (ry, rd) = Map(q, w[i], 0.37f, null);
                    Expect.True((float)ry == y[i], $"{name}, n={n}, i={i}: hard {y[i]} vs {ry} for w={w[i]}");
                    Assert.Equal(y[i], ys[i]);
                    Assert.Equal((float)rd, d[i]);
                    Assert.Equal(q[table.NearestIndex(w[i] * (1f / 0.37f))] * 0.37f, y[i]);
                }
            }
        }
    }

    [Fact]
    public void Relaxed_matches_the_reference_over_a_beta_sweep()
    {
        foreach (var (name, q) in Tables())
        {
            var table = new LevelTable(q);
            foreach (var beta in Betas)
                foreach (var n in Lengths)
                {
                    var w = Weights(q, n, 1.5f, (ulong)(n * 31 + 7));
                    var y = new float[n]; var d = new float[n];
                    WeightMapper.Relaxed(table, w, 1.5f, beta, y, d);
                    for (var i = 0; i < n; i++)
                    {
                        var (ry, rd) = Map(q, w[i], 1.5f, beta);
                        var x = Math.Clamp(w[i] * (1f / 1.5f), q[0], q[^1]);
                        var j = Cell(q, x);
                        var width = (q[j + 1] - q[j]) * 1.5;
                        var tolY = 1e-6 * Math.Max(1, beta) * width + 4e-7 * Math.Abs(ry) + 1e-12;
                        var tolD = 2e-5 * Math.Max(1, beta * beta / 16) + 1e-5 * Math.Abs(rd);
                        Expect.True(Math.Abs(y[i] - ry) <= tolY, $"{name}, β={beta}, n={n}, i={i}: y {y[i]:R} vs {ry:R}");
                        Expect.True(Math.Abs(d[i] - rd) <= tolD, $"{name}, β={beta}, n={n}, i={i}: dy/dw {d[i]:R} vs {rd:R}");
                    }
                }
        }
    }

    [Fact]
    public void Relaxed_becomes_the_hard_staircase_as_beta_grows()
    {
        foreach (var (name, q) in Tables())
        {
            var table = new LevelTable(q);
            var w = Weights(q, 4001, 1f, 3);
            var hard = new float[w.Length]; var y = new float[w.Length]; var d = new float[w.Length];
            WeightMapper.Hard(table, w, 1f, hard);

            WeightMapper.Relaxed(table, w, 1f, 60, y, d);
            for (var i = 0; i < w.Length; i++)
            {
                var j = Cell(q, Math.Clamp(w[i], q[0], q[^1]));
                Expect.True(Math.Abs(y[i] - hard[i]) <= 1e-3 * (q[j + 1] - q[j]), $"{name}: β=60 differs from hard at w={w[i]}");
                Assert.True(float.IsFinite(d[i]) && d[i] >= 0);
            }

            // Below the hard switch, the gap to the staircase shrinks like e^(−β|f − ½|).
            foreach (var beta in new[] { 10.0, 20, 40 })
            {
                WeightMapper.Relaxed(table, w, 1f, beta, y, d);
                for (var i = 0; i < w.Length; i++)
                {
                    var x = Math.Clamp(w[i], q[0], q[^1]);
                    var j = Cell(q, x);
                    var width = q[j + 1] - q[j];
                    var f = (x - q[j]) / width;
                    var bound = width * (Math.Exp(-beta * Math.Abs(f - 0.5)) + 1e-5) + 2.5e-7 * Math.Abs(hard[i]);
                    if (Math.Abs(f - 0.5) > 0.05) Expect.True(Math.Abs(y[i] - hard[i]) <= bound, $"{name}, β={beta}: gap {y[i] - hard[i]} at f={f}");
                }
            }
        }
    }

    [Fact]
    public void Relaxed_at_small_beta_is_close_to_the_identity()
    {
        foreach (var (name, q) in Tables())
        {
            var table = new LevelTable(q);
            var w = Weights(q, 2001, 2f, 4);
            var y = new float[w.Length]; var d = new float[w.Length];
            foreach (var beta in new[] { 0.05, 0.001 })
            {
                WeightMapper.Relaxed(table, w, 2f, beta, y, d);
                for (var i = 0; i < w.Length; i++)
                {
                    var x = Math.Clamp(w[i] / 2f, q[0], q[^1]);
                    var j = Cell(q, x);
                    var width = q[j + 1] - q[j];
                    Expect.True(Math.Abs(y[i] / 2 - x) <= 0.02 * width, $"{name}, β={beta}: y/wMax={y[i] / 2} vs x={x}");
                    var inside = w[i] / 2f >= q[0] && w[i] / 2f <= q[^1];
                    if (inside) Expect.True(Math.Abs(d[i] - 1) <= 0.02, $"{name}, β={beta}: derivative {d[i]}");
                }
            }
        }
    }

    [Fact]
    public void Relaxed_is_continuous_with_continuous_derivative_across_cell_boundaries()
    {
        foreach (var (name, q) in Tables().Where(t => t.Table.Length < 1000))
        {
            var table = new LevelTable(q);
            foreach (var beta in new[] { 0.5, 4, 20 })
                for (var k = 1; k < q.Length - 1; k++)
                {
                    // One ulp either side of the level must land well inside the neighbouring cells.
                    if (Math.Min(q[k] - q[k - 1], q[k + 1] - q[k]) < 1e-4f * Math.Max(1, Math.Abs(q[k]))) continue;
                    float[] w = [MathF.BitDecrement(q[k]), q[k], MathF.BitIncrement(q[k])];
                    var y = new float[3]; var d = new float[3];
                    WeightMapper.Relaxed(table, w, 1f, beta, y, d);
                    var width = Math.Min(q[k] - q[k - 1], q[k + 1] - q[k]);
                    Expect.True(Math.Abs(y[0] - q[k]) <= 1e-5 * Math.Max(1, beta) * width + 1e-6 * Math.Abs(q[k]), $"{name}: left limit at level {k}");
                    Expect.True(Math.Abs(y[1] - q[k]) <= 1e-6 * Math.Abs(q[k]) + 1e-7, $"{name}: value at level {k}");
                    Expect.True(Math.Abs(y[2] - q[k]) <= 1e-5 * Math.Max(1, beta) * width + 1e-6 * Math.Abs(q[k]), $"{name}: right limit at level {k}");
                    Expect.True(Math.Abs(d[0] - d[2]) <= 1e-3 * Math.Max(1, d[1]), $"{name}, β={beta}: derivative {d[0]} vs {d[2]} at level {k}");
                }
        }
    }

    [Fact]
    public void Pool_split_gives_bit_identical_results()
    {
        var q = AsymmetricTable(8);
        var table = new LevelTable(q);
        var w = Weights(q, 300_007, 0.8f, 9);
        var y1 = new float[w.Length]; var d1 = new float[w.Length];
        var y2 = new float[w.Length]; var d2 = new float[w.Length];
        using var pool = new MacPool(2);
        WeightMapper.Relaxed(table, w, 0.8f, 7, y1, d1);
        WeightMapper.Relaxed(table, w, 0.8f, 7, y2, d2, pool);
        Assert.Equal(y1, y2);
        Assert.Equal(d1, d2);
        WeightMapper.Hard(table, w, 0.8f, y2, pool);
        WeightMapper.Hard(table, w, 0.8f, y1);
        Assert.Equal(y1, y2);
    }

    [Fact]
    public void Level_table_lookup_is_exact_and_short_even_for_skewed_tables()
    {
        foreach (var (name, q) in Tables())
        {
            var table = new LevelTable(q);
            // Every table but the pathological one gets the one-read cell records; that one exercises the scan path.
            // Device-like tables get the one-read cell records; the pathological one exercises the scan path.
            if (name.Contains("symmetric")) Expect.True(table.CellData is not null, $"{name}: scan {table.MaxScan}, {table.GridCells} cells");
            if (name.Contains("very")) Assert.Null(table.CellData);
            foreach (var x in Weights(q, 5000, 1f, 11)) Assert.Equal(Cell(q, Math.Clamp(x, q[0], q[^1])), table.Cell(x));
        }
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LevelTable([1f]));
        Assert.Throws<ArgumentException>(() => new LevelTable([0f, 1f, 1f]));
        Assert.Throws<ArgumentException>(() => new LevelTable([0f, float.NaN]));
        var table = new LevelTable([-1f, 0f, 1f]);
        var y = new float[3]; var d = new float[3];
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightMapper.Relaxed(table, new float[3], 1f, 0, y, d));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightMapper.Relaxed(table, new float[3], 1f, double.PositiveInfinity, y, d));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightMapper.Hard(table, new float[3], 0f, y));
        Assert.Throws<ArgumentException>(() => WeightMapper.Ste(table, new float[3], 1f, y, new float[2]));
    }
}
