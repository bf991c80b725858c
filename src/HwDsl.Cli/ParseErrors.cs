using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace HwDsl.Cli;

/// <summary>
/// What a command line that does not parse says, one line each: an unknown command or option names the nearest one
/// (<c>hwdsl trian</c> → did you mean train?), a value that does not convert says what is allowed in words (a whole
/// number, one of relu, tanh, …) instead of a .NET type name, and the parser's "Required command was not provided"
/// is never shown next to the real mistake.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>The lines to print for <paramref name="parse"/>'s errors, each without the "hwdsl: " prefix.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        // "train: ..." for a subcommand, nothing for hwdsl itself (the line starts with "hwdsl: " already).
        var where = path == "hwdsl" ? "" : path["hwdsl ".Length..] + ": ";
        if (parse.UnmatchedTokens.Count > 0) return [where + Unmatched(parse.UnmatchedTokens[0], command, path)];
        var lines = new List<string>();
        foreach (var error in parse.Errors)
        {
            if (RequiredCommand().IsMatch(error.Message))
            {
                lines.Add(where + (command.Subcommands.Count > 0
                    ? $"give a command: {string.Join(", ", Visible(command.Subcommands).Select(c => c.Name))} ('{path} --help' says what each does)."
                    : error.Message));
                continue;
            }
            lines.Add(Conversion(error) ?? Missing(error.Message, path, where) ?? where + CannotParse().Replace(error.Message, m => $"'{m.Groups[1].Value}' is not valid for {m.Groups[2].Value}"));
        }
        return [.. lines.Distinct()];
    }

    /// <summary>"hwdsl train" for the command that was parsed.</summary>
    public static string CommandPath(SymbolResult? result)
    {
        var names = new List<string>();
        for (var r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Insert(0, c.Command is RootCommand ? "hwdsl" : c.Command.Name);
        return names.Count == 0 ? "hwdsl" : string.Join(' ', names);
    }

    /// <summary>The value type of an option or argument in words.</summary>
    public static string Words(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return Words(type.GetElementType()!);
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            TypeCode.String => "text",
            _ when type == typeof(TimeSpan) => "a duration (hh:mm:ss)",
            _ when type == typeof(FileInfo) || type == typeof(DirectoryInfo) => "a path",
            _ => "a value of the right kind",
        };
    }

    private static string Unmatched(string token, Command command, string path)
    {
        if (token.StartsWith('-'))
        {
            var options = Options(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Distinct().ToList();
            var near = Nearest(token, options);
            return $"unknown option '{token}'" + (near is null ? $"; '{path} --help' lists the options." : $"; did you mean {near}?");
        }
        if (command.Subcommands.Count == 0) return $"unexpected argument '{token}'; '{path} --help' shows what it takes.";
        var names = Visible(command.Subcommands).Select(c => c.Name).ToList();
        var nearest = Nearest(token, names);
        return $"unknown command '{token}'" + (nearest is null ? $"; the commands are {string.Join(", ", names)}." : $"; did you mean {nearest}?");
    }

    // "Cannot parse argument 'x' for option '--epochs' as expected type 'System.Int32'." → --epochs: 'x' is not a whole number.
    private static string? Conversion(ParseError error)
    {
        if (CannotParse().Match(error.Message) is not { Success: true } match) return null;
        var value = match.Groups[1].Value;
        (string Name, Type Type)? target = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult { Parent: OptionResult o } => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType),
            _ => null,
        };
        return target is { } t ? $"{t.Name}: '{value}' is not {Words(t.Type)}." : null;
    }

    private static string? Missing(string message, string path, string where)
    {
        if (MissingArgument().Match(message) is { Success: true } a) return $"{where}the <{a.Groups[1].Value}> argument is missing; see '{path} --help'.";
        if (MissingValue().Match(message) is { Success: true } o) return $"{o.Groups[1].Value}: needs a value.";
        return null;
    }

    private static IEnumerable<Option> Options(Command command)
    {
        var options = command.Options.ToList();
        // Recursive options of the commands above (e.g. --plugins) apply here too.
        foreach (var parent in Ancestors(command)) options.AddRange(parent.Options.Where(o => o.Recursive));
        return options.Where(o => !o.Hidden);
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parents = command.Parents.OfType<Command>().ToList(); parents.Count > 0; parents = [.. parents.SelectMany(p => p.Parents.OfType<Command>())])
            foreach (var p in parents) yield return p;
    }

    private static IEnumerable<Command> Visible(IEnumerable<Command> commands) => commands.Where(c => !c.Hidden);

    /// <summary>The candidate closest to <paramref name="token"/> by edit distance (a swap counts once), or null when none is close.</summary>
    internal static string? Nearest(string token, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (Name: c, Distance: Distance(token.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(2, c.Name.TrimStart('-').Length / 3)) || (token.TrimStart('-').Length >= 3 && c.Name.StartsWith(token, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^Required command was not provided")]
    private static partial Regex RequiredCommand();

    [GeneratedRegex(@"Cannot parse argument '(.*?)' for (?:option|argument|command) '(.*?)' as expected type '[^']*'\.(?: Did you mean one of the following\?[\s\S]*)?")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Required argument '(.+?)' missing for command")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Required argument missing for option: '(.+?)'")]
    private static partial Regex MissingValue();
}
