using System.CommandLine;
using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Scripting;
using HwDsl.Scripting.Repl;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl repl</c>: the interactive C# session over the DSL (<see cref="ReplConsole"/>).</summary>
internal static class ReplCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "train on the small quick subset (Quick = true in the session)" };
        var output = new Option<string?>("--output", "-o") { Description = "the folder for the session's results (default results/repl)" };
        var restart = new Option<int>("--restart-every") { Description = "restart the submission chain every N submissions to bound memory (0: never)", DefaultValueFactory = _ => 100 };
        var threads = TrainCommand.ThreadsOption();
        var runs = RunsCli.Create();
        var command = new Command("repl", "An interactive C# session with the DSL imported (#help inside for directives).") { quick, output, restart, threads, runs };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(restart) < 0) throw new UserInputException($"--restart-every must be 0 or more; got {parse.GetValue(restart)}.");
            var folder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine("results", "repl"));
            using var pool = TrainCommand.CreatePool(parse.GetValue(threads));
            using var plugins = PluginCli.Start(parse, watch: true);
            var options = new ExperimentOptions
            {
                Pool = pool, Observer = new TrainingConsole(), RunRoot = RunsCli.Root(parse, runs, Path.Combine(folder, "runs")), Devices = plugins.Catalog, Log = Console.WriteLine,
            };
            var globals = new ScriptGlobals([], parse.GetValue(quick), folder, options);
            var engine = new ReplEngine(globals, new HostReplPlugins(plugins, globals), Console.Out, parse.GetValue(restart));
            return await new ReplConsole(engine, Console.Out).RunAsync(cancel);
        });
        return command;
    }
}
