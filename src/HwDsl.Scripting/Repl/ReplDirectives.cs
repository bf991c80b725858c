namespace HwDsl.Scripting.Repl;

/// <summary>The REPL's own directives (see grammar/hwdsl.ebnf); <c>#r</c>, <c>#load</c> and C#'s preprocessor lines go to Roslyn.</summary>
public static class ReplDirectives
{
    private static readonly HashSet<string> Roslyn = new(StringComparer.Ordinal)
    {
        "#r", "#load", "#nullable", "#pragma", "#if", "#else", "#elif", "#endif", "#region", "#endregion", "#define", "#undef", "#line", "#error", "#warning",
    };

    /// <summary>The directives the REPL itself handles.</summary>
    public static IReadOnlyList<string> Names { get; } = ["#help", "#plugins", "#reload", "#memory", "#quit", "#exit"];

    /// <summary>What <c>#help</c> prints.</summary>
    public static IReadOnlyList<string> Help { get; } =
    [
        "Type C# with the DSL imported; a submission ends when it is complete (open braces, strings or calls continue on the next line).",
        "A value without ';' is printed: a spec as its debug view, a result as a table. Tab completes DSL members, ↑/↓ browse history.",
        "Globals: Args, Quick, Output, Cancel, Options, Run(spec), Param(name, fallback), Out, Save(file, text), OptionsFor(spec).",
        "  #help           this text",
        "  #plugins        the device models available (built-in and plugins): name, version, source",
        "  #reload         reload device plugins from disk",
        "  #memory         managed heap, working set, submissions, chain restarts",
        "  #r \"path.dll\"   reference an assembly;  #load \"file.csx\"  run a script into the session",
        "  #quit           leave (also #exit, Ctrl-D on an empty line)",
        "Ctrl-C stops a running training between mini-batches and returns to the prompt.",
    ];

    /// <summary>True when <paramref name="code"/> is one line starting with <c>#</c> that is not for Roslyn.</summary>
    public static bool IsDirective(string code)
    {
        var trimmed = code.Trim();
        return trimmed.StartsWith('#') && !trimmed.Contains('\n', StringComparison.Ordinal) && !Roslyn.Contains(Split(trimmed).Name);
    }

    /// <summary>The directive's name and the rest of the line.</summary>
    public static (string Name, string Argument) Split(string line)
    {
        var space = line.IndexOfAny([' ', '\t', '"']);
        return space < 0 ? (line, "") : (line[..space], line[space..].Trim());
    }
}
