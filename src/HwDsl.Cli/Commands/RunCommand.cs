using System.CommandLine;
using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Scripting;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl run script.csx [--quick] [--set name=value]... [--output DIR] [--resume DIR] [-- args]</c>: compiles the script
/// (or takes it from the compile cache) and runs it with <see cref="ScriptGlobals"/>. Compile errors, DSL errors and
/// failures in the script print as <c>file(line[,col]): error CODE: message</c> and exit 1; a file that cannot be read or
/// written, or a resume that does not match, exit 2; a diverged run exits 3.
/// </summary>
internal static class RunCommand
{
    public const int ScriptFailed = ScriptException.Failed;

    public static Command Create()
    {
        var script = new Argument<string>("script") { Description = "the .csx script" };
        var rest = new Argument<string[]>("args") { Description = "the script's own arguments (after --)", Arity = ArgumentArity.ZeroOrMore };
        var quick = new Option<bool>("--quick") { Description = "a small subset that runs in seconds (the script sees Quick = true)" };
        var set = new Option<string[]>("--set") { Description = "a script parameter, name=value (read with Param(\"name\", fallback)); repeatable", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--output", "-o") { Description = "the folder for this run's results (default results/<script name>)" };
        var resume = new Option<string?>("--resume") { Description = "continue an earlier run of this script: its output folder or one of its run folders (runs go on from their last finished epoch)" };
        var noCache = new Option<bool>("--no-cache") { Description = "compile even when a compiled copy is cached" };
        var threads = TrainCommand.ThreadsOption();
        var runs = RunsCli.Create();
        var command = new Command("run", "Run a .csx experiment script.") { script, rest, quick, set, output, resume, noCache, threads, runs };
        command.SetAction((parse, cancel) =>
        {
            var path = parse.GetValue(script)!;
            var parameters = ParseSets(parse.GetValue(set) ?? []);
            try
            {
                var compiled = parse.GetValue(noCache) ? ScriptCompiler.Compile(path) : ScriptCache.Default.GetOrCompile(path, out _);
                using var pool = TrainCommand.CreatePool(parse.GetValue(threads));
                using var plugins = PluginCli.Start(parse);
                var run = parse.GetValue(resume) is { } from
                    ? ScriptRerun.Resume(from, compiled, parameters, parse.GetValue(quick), parse.GetValue(rest), parse.GetValue(output), pool.Threads, plugins.Catalog)
                    : ScriptRun.Fresh(compiled, parameters, parse.GetValue(quick), parse.GetValue(rest) ?? [],
                        parse.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(path)), pool.Threads);
                CheckWritable(run.Output, parse.GetValue(output) is null ? "the output folder" : "--output");
                var options = new ExperimentOptions
                {
                    Pool = pool, Cancel = cancel, Observer = new TrainingConsole(), RunRoot = RunsCli.Root(parse, runs, Path.Combine(run.Output, "runs")),
                    Devices = plugins.Catalog, Log = Console.WriteLine,
                };
                if (run.Quick) Console.WriteLine("smoke test (--quick): a small subset for an epoch or so; the numbers only show that the pipeline runs.");
                var globals = run.Execute(options);
                // Every script that ran experiments ends with its report beside its tables.
                if (globals.RunFolders.Count > 0) Console.WriteLine($"report: {globals.Report()}");
                return Task.FromResult(0);
            }
            catch (ScriptException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(e.ExitCode);
            }
            catch (SpecException e)
            {
                Console.Error.WriteLine(ScriptRunner.Describe(e));
                return Task.FromResult(ScriptFailed);
            }
        });
        return command;
    }

    /// <summary>Creates <paramref name="folder"/> and writes a probe file into it, so an unwritable output is refused before any training.</summary>
    internal static void CheckWritable(string folder, string what)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".hwdsl-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{what} {folder} cannot be written: {e.Message}");
        }
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
