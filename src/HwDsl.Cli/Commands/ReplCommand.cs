using System.CommandLine;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl repl</c>: the interactive C# session over the DSL.</summary>
internal static class ReplCommand
{
    public static Command Create()
    {
        var command = new Command("repl", "An interactive C# session with the DSL imported (#help for directives).");
        command.SetAction((parse, cancel) => Task.FromResult(0));
        return command;
    }
}
