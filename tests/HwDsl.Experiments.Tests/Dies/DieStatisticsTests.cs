using HwDsl.Compiler;
using HwDsl.Compiler.Tests;
using HwDsl.Experiments;

namespace HwDsl.Experiments.Tests;

public sealed class DieStatisticsTests
{
    [Fact]
    public void Mean_sd_extremes_and_histogram_of_the_errors()
    {
        var s = DieStatistics.FromAccuracies([0.95, 0.90, 0.80, 0.95]);
        Assert.Equal([0.05, 0.10, 0.20, 0.05], s.Errors.Select(e => Math.Round(e, 12)));
        Assert.Equal(0.1, s.Mean, 12);
        Assert.Equal(Math.Sqrt((0.0025 + 0 + 0.01 + 0.0025) / 3), s.Sd, 12);
        Assert.Equal(0.05, s.Min, 12);
        Assert.Equal(0.20, s.Max, 12);
        var h = s.Histogram();
        Assert.Equal(DieStatistics.Bins, h.Count);
        Assert.Equal(4, h.Sum());
        Assert.Equal(2, h[0]);                 // the two 5 % dies
        Assert.Equal(1, h[^1]);                // the worst die falls in the closed last bin
        Assert.Equal(1, h[3]);                 // 10 % is a third of the way from 5 % to 20 %
        Assert.Contains("error 10.00 ± 7.07 % over 4 dies (best 5.00 %, worst 20.00 %)", s.ToString());
    }

    [Fact]
    public void One_die_has_no_spread_and_one_bin()
    {
        var s = DieStatistics.FromAccuracies([0.9]);
        Assert.Equal(0, s.Sd);
        Assert.Equal(1, s.Histogram()[0]);
    }
}
