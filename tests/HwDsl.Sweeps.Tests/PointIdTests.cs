namespace HwDsl.Sweeps.Tests;

public sealed class PointIdTests
{
    private static List<ParameterValue> Values(string text)
        => [.. text.Split(',').Select(p => new ParameterValue(p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..]))];

    [Fact]
    public void Id_depends_on_the_values_not_on_their_order()
        => Assert.Equal(PointId.For(Values("bits=4,ratio=10,seed=0")), PointId.For(Values("seed=0,ratio=10,bits=4")));

    [Fact]
    public void Id_is_a_readable_slug_and_a_pinned_hash_of_the_canonical_form()
    {
        Assert.Equal("bits=4\nratio=10\nseed=0", PointId.Canonical(Values("seed=0,bits=4,ratio=10")));
        // Pinned: sweeps resumed with a later hwdsl must find their points' folders again.
        Assert.Equal("bits4_ratio10_seed0-a4097226", PointId.For(Values("bits=4,ratio=10,seed=0")));
    }

    [Fact]
    public void Values_that_sanitise_alike_still_differ_and_long_slugs_are_cut()
    {
        var a = PointId.For(Values("dev=a b"));
        var b = PointId.For(Values("dev=a/b"));
        Assert.StartsWith("deva-b-", a);
        Assert.StartsWith("deva-b-", b);
        Assert.NotEqual(a, b);
        var longId = PointId.For(Values($"name={new string('x', 200)}"));
        Assert.Equal(60 + 1 + 8, longId.Length);
        Assert.All(new[] { a, b, longId }, id => Assert.Matches("^[A-Za-z0-9._+-]+$", id));
    }
}
