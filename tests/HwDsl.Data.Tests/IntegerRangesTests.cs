namespace HwDsl.Data.Tests;

public sealed class IntegerRangesTests
{
    [Fact]
    public void Lists_and_ranges_expand_in_order()
    {
        Assert.Equal([0L, 1, 2, 7, -2, -1, 0], IntegerRanges.Parse("0..2, 7, -2..0"));
        Assert.Equal([5L], IntegerRanges.Expand("5..5"));
        Assert.True(IntegerRanges.IsRange("3..4"));
        Assert.False(IntegerRanges.IsRange("a..4"));
        Assert.False(IntegerRanges.IsRange("3"));
    }

    [Theory]
    [InlineData("4..2", "must go upwards")]
    [InlineData("0..200000", "at most 100001 values")]
    [InlineData("x", "'x' is not a whole number or a range A..B")]
    public void Bad_parts_say_what_is_wrong(string part, string message)
        => Assert.Contains(message, Assert.Throws<FormatException>(() => IntegerRanges.Expand(part)).Message);
}
