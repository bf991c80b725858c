using System.CommandLine;
using HwDsl.Data;

namespace HwDsl.Cli;

/// <summary>
/// One place that turns failures into what a user should see: a one-line message on stderr and a non-zero
/// exit code, never a stack trace (set HWDSL_DEBUG=1 to get one for a bug report).
/// </summary>
internal static class CliErrors
{
    public const int BadInput = 2;
    public const int Diverged = 3;
    public const int Cancelled = 130;
    public const int Internal = 70;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var line in ParseErrors.Describe(parsed)) Console.Error.WriteLine($"hwdsl: {line}");
            return BadInput;
        }
        try
        {
            // The REPL handles Ctrl-C itself (it cancels the running submission, or clears the line): the parser's own
            // handler would end the session on the first and crash on the second.
            var repl = parsed.CommandResult.Command.Name == "repl";
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = repl ? null : TimeSpan.FromSeconds(2) });
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Console.Error.WriteLine($"hwdsl: {message}");
            if (Environment.GetEnvironmentVariable("HWDSL_DEBUG") == "1") Console.Error.WriteLine(e);
            return e is OperationCanceledException ? Cancelled : e is HwDsl.Training.TrainingDivergedException ? Diverged : IsUserError(e) ? BadInput : Internal;
        }
    }

    // A file system error is the user's to fix (a path that does not exist, no permission, a full disk); .NET's messages name the path.
    private static bool IsUserError(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => IsUserError(a.InnerException!),
        ArgumentException or DataException or UserInputException or HwDsl.Sweeps.SweepException or HwDsl.Experiments.RunException => true,
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };

    private static string? Describe(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerException!),
        OperationCanceledException => "cancelled.",
        HwDsl.Training.TrainingDivergedException => e.Message,
        _ when IsUserError(e) => e.Message,
        _ => $"internal error ({e.GetType().Name}): {e.Message}",
    };
}

/// <summary>A problem with what the user asked for, reported as a single line.</summary>
internal sealed class UserInputException(string message) : Exception(message);
