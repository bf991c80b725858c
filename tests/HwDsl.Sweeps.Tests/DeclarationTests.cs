namespace HwDsl.Sweeps.Tests;

public sealed class DeclarationTests
{
    private static string Points(SweepDeclaration d) => string.Join(" | ", d.Points().Select(p => p.Describe()));

    [Fact]
    public void Grid_is_the_cross_product_with_the_first_name_slowest_and_seeds_last()
    {
        var d = new SweepDeclaration().ParseGrid("bits=2,4").ParseGrid("ratio=10,100").ParseGrid("seeds=0..1");
        Assert.Equal("bits=2,ratio=10,seed=0 | bits=2,ratio=10,seed=1 | bits=2,ratio=100,seed=0 | bits=2,ratio=100,seed=1 | " +
                     "bits=4,ratio=10,seed=0 | bits=4,ratio=10,seed=1 | bits=4,ratio=100,seed=0 | bits=4,ratio=100,seed=1", Points(d));
        Assert.Equal(["bits", "ratio", "seed"], d.Names);
        Assert.Equal(Enumerable.Range(0, 8), d.Points().Select(p => p.Index));
    }

    [Fact]
    public void Explicit_points_follow_the_grid_and_cross_the_seeds_unless_they_set_one()
    {
        var d = new SweepDeclaration().ParseGrid("bits=2").ParsePoint("bits=8,ratio=5").ParsePoint("bits=1,seed=9").ParseGrid("seeds=3,4");
        Assert.Equal("bits=2,seed=3 | bits=2,seed=4 | bits=8,ratio=5,seed=3 | bits=8,ratio=5,seed=4 | bits=1,seed=9", Points(d));
        Assert.Equal(["bits", "ratio", "seed"], d.Names);
    }

    [Fact]
    public void Points_alone_run_without_a_grid_and_ranges_expand_in_any_dimension()
    {
        Assert.Equal("a=1 | a=2", Points(new SweepDeclaration().ParsePoint("a=1").ParsePoint("a=2")));
        Assert.Equal("n=-1 | n=0 | n=1 | n=x", Points(new SweepDeclaration().ParseGrid("n=-1..1,x")));
        Assert.Equal("seed=5 | seed=6", Points(new SweepDeclaration().ParseGrid("seeds=5..6")));
    }

    [Theory]
    [InlineData("", "the sweep is empty")]
    [InlineData("grid:bits=", "--grid bits=: 'bits' has no values")]
    [InlineData("grid:=1,2", "is not name=value")]
    [InlineData("grid:bits", "'bits' is not name=value")]
    [InlineData("grid:2x=1", "'2x' is not a parameter name")]
    [InlineData("grid:seeds=a", "seed 'a' is not a whole number")]
    [InlineData("grid:n=5..1", "range '5..1' must go upwards")]
    [InlineData("grid:bits=1|grid:bits=2", "'bits' is already a grid dimension")]
    [InlineData("grid:seeds=1|grid:seeds=2", "seeds were already given")]
    [InlineData("grid:bits=4|point:bits=4", "--point bits=4: the point bits=4 is listed twice (also by --grid)")]
    [InlineData("point:bits=4,bits=5", "'bits' is set twice in one point")]
    [InlineData("point:bits=", "'bits' has no value")]
    public void Bad_declarations_are_one_line_errors_naming_the_argument(string spec, string expected)
    {
        var e = Assert.Throws<SweepException>(() =>
        {
            var d = new SweepDeclaration();
            foreach (var part in spec.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var (kind, text) = (part[..part.IndexOf(':')], part[(part.IndexOf(':') + 1)..]);
                if (kind == "grid") d.ParseGrid(text); else d.ParsePoint(text);
            }
            d.Points();
        });
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
