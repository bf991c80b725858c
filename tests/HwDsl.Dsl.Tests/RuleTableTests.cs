using System.Runtime.CompilerServices;
using HwDsl;

namespace HwDsl.Dsl.Tests;

public sealed class RuleTableTests
{
    private static string Here([CallerFilePath] string file = "") => file;

    private static string Codes() => string.Join(",", Constants());

    private static IEnumerable<string> Constants() =>
        typeof(RuleCodes).GetFields().Select(f => (string)f.GetValue(null)!);

    [Fact]
    public void Rule_codes_are_unique_and_in_their_ranges()
    {
        var codes = Constants().ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(@"^HW0[1-9]\d\d$", c));
    }

    [Fact]
    public void Every_rule_code_is_listed_in_RULES_md()
    {
        var table = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Here())!, "../../src/HwDsl.Dsl/RULES.md"));
        Assert.All(Constants(), c => Assert.Contains($"| {c} |", table));
        Assert.NotEmpty(Codes());
    }
}
