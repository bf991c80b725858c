using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace HwDsl.Scripting.Tests;

/// <summary>
/// grammar/hwdsl.ebnf against the public DSL API, both ways: every fluent type has a <c>T-call</c> production and every
/// vocabulary class a <c>T-static</c> one, listing exactly the members the API has. The failure says which member
/// names to add to (or remove from) which production, so new vocabulary is one edit away from green.
/// </summary>
public sealed partial class GrammarTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly string GrammarPath = Path.Combine(Cli.RepoRoot, "grammar", "hwdsl.ebnf");

    /// <summary>Classes of constants, not call chains.</summary>
    private static readonly HashSet<string> NotVocabulary = ["RuleCodes"];

    [Fact]
    public void Grammar_and_public_dsl_api_agree()
    {
        var grammar = Productions(File.ReadAllText(GrammarPath));
        var api = ApiMembers();
        var problems = new List<string>();
        foreach (var (production, members) in api.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!grammar.TryGetValue(production, out var named))
            {
                problems.Add($"no production {production}: add `{production} = {string.Join(" | ", members.Order(StringComparer.Ordinal).Select(m => $"\"{m}\" , …"))} ;`");
                continue;
            }
            var missing = members.Except(named).Order(StringComparer.Ordinal).ToArray();
            var extra = named.Except(members).Order(StringComparer.Ordinal).ToArray();
            if (missing.Length > 0)
                problems.Add($"production {production} lacks {string.Join(", ", missing)}: add {string.Join(" ", missing.Select(m => $"`| \"{m}\" , \"(\" , … , \")\"`"))}");
            if (extra.Length > 0)
                problems.Add($"production {production} names {string.Join(", ", extra)}, which the API does not have: remove {(extra.Length == 1 ? "it" : "them")} (or add the member)");
        }
        foreach (var production in grammar.Keys.Where(p => p.EndsWith("-call", StringComparison.Ordinal) || p.EndsWith("-static", StringComparison.Ordinal)).Except(api.Keys).Order(StringComparer.Ordinal))
            problems.Add($"production {production} names no public DSL type: rename it or remove it");
        Assert.True(problems.Count == 0, $"{GrammarPath} and the DSL disagree:\n  - " + string.Join("\n  - ", problems));
    }

    [Fact]
    public void The_check_sees_a_member_missing_from_the_grammar_and_an_extra_one()
    {
        var grammar = Productions("NetworkBuilder-call = \"Dense\" , \"(\" , int , \")\" | \"Conv\" ; (* \"Relu\" in a comment does not count *)");
        Assert.Equal(["Conv", "Dense"], grammar["NetworkBuilder-call"].Order(StringComparer.Ordinal));
        var api = ApiMembers()["NetworkBuilder-call"];
        Assert.Contains("Relu", api.Except(grammar["NetworkBuilder-call"]));
        Assert.Contains("Conv", grammar["NetworkBuilder-call"].Except(api));
        Assert.Contains("WeightBits", ApiMembers()["HardwareScope-call"]);   // generic extension methods land on their constraint
    }

    /// <summary>Production name → the member-like terminals in it (quoted, starting with a capital letter).</summary>
    internal static Dictionary<string, HashSet<string>> Productions(string text)
    {
        text = Comment().Replace(text, " ");
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        string? current = null;
        var tokens = Token().Matches(text).Select(m => m.Value).ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (current is null)
            {
                if (i + 1 < tokens.Length && tokens[i + 1] == "=" && !t.StartsWith('"')) { current = t; result[current] = []; i++; }
                continue;
            }
            if (t == ";") { current = null; continue; }
            if (t.Length > 2 && t[0] == '"' && Member().IsMatch(t[1..^1])) result[current].Add(t[1..^1]);
        }
        // A T-static production starts with T itself, which is not a member.
        foreach (var (name, members) in result)
            if (name.EndsWith("-static", StringComparison.Ordinal)) members.Remove(name[..^"-static".Length]);
        return result;
    }

    /// <summary>What the grammar must list: T-call for fluent types, T-static for vocabulary classes.</summary>
    internal static Dictionary<string, HashSet<string>> ApiMembers()
    {
        var types = typeof(ExperimentSpec).Assembly.GetExportedTypes();
        var extensions = types.Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.IsDefined(typeof(ExtensionAttribute), false)).ToArray();
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var t in types.Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && t.GetMethod("<Clone>$") is null && !typeof(Exception).IsAssignableFrom(t)))
        {
            var members = t.GetMembers(Declared).Where(IsMember).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var e in extensions.Where(e => Receiver(e) == t)) members.Add(e.Name);
            result[t.Name + "-call"] = members;
        }
        foreach (var t in types.Where(t => t.IsAbstract && t.IsSealed && !NotVocabulary.Contains(t.Name)))
        {
            var members = t.GetMembers(Declared).Where(m => IsMember(m) && !m.IsDefined(typeof(ExtensionAttribute), false)).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            if (members.Count > 0) result[t.Name + "-static"] = members;
        }
        return result;
    }

    private static bool IsMember(MemberInfo m) => m switch
    {
        MethodInfo mi => !mi.IsSpecialName && mi.DeclaringType != typeof(object) && mi.Name is not ("Equals" or "GetHashCode" or "ToString" or "GetType"),
        PropertyInfo => true,
        _ => false,
    };

    private static Type Receiver(MethodInfo extension)
    {
        var first = extension.GetParameters()[0].ParameterType;
        return first.IsGenericParameter && first.GetGenericParameterConstraints() is [var constraint] ? constraint : first;
    }

    [GeneratedRegex(@"\(\*[\s\S]*?\*\)")]
    private static partial Regex Comment();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'|\\?[^?]*\\?|[A-Za-z_][\\w-]*|[=;|,\\[\\]{}()]")]
    private static partial Regex Token();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Member();
}
