using System.CommandLine;
using HwDsl.Experiments;
using HwDsl.Scripting;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl replay RUN_DIR</c>: runs the script that made the run again, with the values it recorded, and checks that every
/// metric comes out bit for bit the same. Refuses (exit 2) when the script, the code, a device plugin or the data differ;
/// exits 1 when a value differs, listing each.
/// </summary>
internal static class ReplayCommand
{
    public const int Mismatch = 1;

    public static Command Create()
    {
        var folder = new Argument<string>("run") { Description = "the run folder (with run.json) to replay" };
        var keep = new Option<bool>("--keep") { Description = "keep the replay's folder even when everything matches" };
        var threads = TrainCommand.ThreadsOption();
        var command = new Command("replay", "Re-run a recorded run and check that every metric matches bit for bit.") { folder, keep, threads };
        command.SetAction((parse, cancel) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(folder)!);
            var recorded = RunInfo.Read(dir) ?? throw new UserInputException($"{dir}: not a run folder (no readable run.json).");
            var script = RecordedInvocation.Of(recorded).Script;
            if (!File.Exists(script)) throw new UserInputException($"cannot replay {dir}: its script {script} no longer exists.");
            try
            {
                var compiled = ScriptCache.Default.GetOrCompile(script, out _);
                using var pool = TrainCommand.CreatePool(parse.GetValue(threads));
                using var plugins = PluginCli.Start(parse);
                var scratch = Path.Combine(Path.GetTempPath(), $"hwdsl-replay-{ScriptInvocation.NewId()}");
                var (run, _) = ScriptRerun.Replay(dir, compiled, pool.Threads, plugins.Catalog, scratch);
                Console.WriteLine($"replaying run {recorded.Ordinal} ('{recorded.Name}') of {ScriptPaths.Display(script)}{Describe(run)} in {scratch}");
                var options = new ExperimentOptions { Pool = pool, Cancel = cancel, Observer = new TrainingConsole(), Devices = plugins.Catalog, Log = Console.WriteLine };
                try
                {
                    run.Execute(options);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    // The replay stops the script once the recorded run is done.
                }
                catch (ScriptException e) when (e.ExitCode == ScriptException.Diverged && recorded.Status == RunStatus.Diverged)
                {
                    // It diverged when recorded too: compare where and how.
                }
                var (again, compared, differences) = ScriptRerun.Compare(recorded, run);
                if (differences.Count == 0)
                {
                    Console.WriteLine($"replay matches: {compared} values of {dir} are bit for bit the same ({again}).");
                    if (!parse.GetValue(keep)) Directory.Delete(scratch, recursive: true);
                    return Task.FromResult(0);
                }
                foreach (var d in differences) Console.Error.WriteLine($"hwdsl: replay differs: {d}");
                Console.Error.WriteLine($"hwdsl: {differences.Count} of {compared} values differ; the replay is in {again}.");
                return Task.FromResult(Mismatch);
            }
            catch (ScriptException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(e.ExitCode);
            }
        });
        return command;
    }

    private static string Describe(ScriptRun run)
        => (run.Quick ? " --quick" : "") + string.Concat(run.Sets.Select(kv => $" --set {kv.Key}={kv.Value}"));
}
