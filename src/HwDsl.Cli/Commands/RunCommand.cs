using System.CommandLine;
using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Scripting;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl run script.csx [--quick] [--set name=value]... [--output DIR] [-- args]</c>: compiles the script (or takes it
/// from the compile cache) and runs it with <see cref="ScriptGlobals"/>. Compile errors, DSL errors and failures in the
/// script print as <c>file(line[,col]): error CODE: message</c> and exit 1.
/// </summary>
internal static class RunCommand
{
    public const int ScriptFailed = 1;

    public static Command Create()
    {
        var script = new Argument<string>("script") { Description = "the .csx script" };
        var rest = new Argument<string[]>("args") { Description = "the script's own arguments (after --)", Arity = ArgumentArity.ZeroOrMore };
        var quick = new Option<bool>("--quick") { Description = "a small subset that runs in seconds (the script sees Quick = true)" };
        var set = new Option<string[]>("--set") { Description = "a script parameter, name=value (read with Param(\"name\", fallback)); repeatable", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--output", "-o") { Description = "the folder for this run's results (default results/<script name>)" };
        var noCache = new Option<bool>("--no-cache") { Description = "compile even when a compiled copy is cached" };
        var threads = TrainCommand.ThreadsOption();
        var command = new Command("run", "Run a .csx experiment script.") { script, rest, quick, set, output, noCache, threads };
        command.SetAction((parse, cancel) =>
        {
            var path = parse.GetValue(script)!;
            var parameters = ParseSets(parse.GetValue(set) ?? []);
            var folder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(path)));
            try
            {
                var compiled = parse.GetValue(noCache) ? ScriptCompiler.Compile(path) : ScriptCache.Default.GetOrCompile(path, out _);
                Directory.CreateDirectory(folder);
                using var pool = TrainCommand.CreatePool(parse.GetValue(threads));
                using var plugins = PluginCli.Start(parse);
                var options = new ExperimentOptions
                {
                    Pool = pool, Cancel = cancel, Observer = new TrainingConsole(), RunRoot = Path.Combine(folder, "runs"),
                    Devices = plugins.Catalog, Log = Console.WriteLine,
                };
                var globals = new ScriptGlobals(parse.GetValue(rest) ?? [], parse.GetValue(quick), folder, options, parameters);
                ScriptRunner.Run(compiled, globals, parameters.Keys);
                return Task.FromResult(0);
            }
            catch (ScriptException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(ScriptFailed);
            }
            catch (SpecException e)
            {
                Console.Error.WriteLine(ScriptRunner.Describe(e));
                return Task.FromResult(ScriptFailed);
            }
        });
        return command;
    }

    private static Dictionary<string, string> ParseSets(IEnumerable<string> sets)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UserInputException($"--set {s}: expected name=value.");
            values[s[..eq].Trim()] = s[(eq + 1)..];
        }
        return values;
    }
}
