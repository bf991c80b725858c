using System.CommandLine;

namespace HwDsl.Cli;

/// <summary>
/// <c>--runs DIR</c>, the folder every command that trains puts its run folders in: the option, else <c>$HWDSL_RUNS</c>,
/// else the command's own default (<c>runs/</c> for <c>train</c>, the results folder's <c>runs/</c> for <c>run</c> and <c>repl</c>).
/// </summary>
internal static class RunsCli
{
    public const string Variable = "HWDSL_RUNS";

    public static Option<string?> Create() => new("--runs")
    {
        Description = $"the folder for run folders (default ${Variable}, else the command's own: runs/, or the results folder's runs/)",
    };

    public static string Root(ParseResult parse, Option<string?> option, string fallback)
    {
        if (parse.GetValue(option) is { } given)
            return string.IsNullOrWhiteSpace(given) ? throw new UserInputException("--runs: give a folder.") : Path.GetFullPath(given);
        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } env ? Path.GetFullPath(env) : Path.GetFullPath(fallback);
    }
}
