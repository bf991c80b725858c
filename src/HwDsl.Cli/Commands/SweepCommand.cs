using System.CommandLine;
using HwDsl.Cli.Sweeps;
using HwDsl.Sweeps;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl sweep</c>: runs a script (or any command line) over a grid of parameters, in parallel processes here or
/// as a Slurm job array with <c>--on slurm</c>; <c>sweep status</c> and <c>sweep collect</c> work on its folder later.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var script = new Argument<string?>("script") { Description = "the .csx script; each point runs 'hwdsl run SCRIPT --set name=value... --output POINT_DIR'", Arity = ArgumentArity.ZeroOrOne };
        var grid = new Option<string[]>("--grid", "-g") { Description = "grid dimensions: name=a,b,c (A..B for integer ranges; seeds=0..2 sets 'seed')", AllowMultipleArgumentsPerToken = true };
        var point = new Option<string[]>("--point", "-p") { Description = "an explicit point: name=value,name=value (repeatable)" };
        var seeds = new Option<string?>("--seeds", "-s") { Description = "seeds crossed with every point (A..B or a,b,c); same as --grid seeds=..." };
        var command = new Option<string?>("--command") { Description = "sweep any command line instead of a script: {name} is a parameter's value, {output} the point's folder, {id} its id" };
        var output = new Option<string?>("--output", "-o") { Description = "the sweep folder (default sweeps/NAME-TIME)" };
        var resume = new Option<bool>("--resume") { Description = "run only the points of --output that have no result yet" };
        var on = new Option<string>("--on") { Description = "local (parallel processes here) or slurm (one job array)", DefaultValueFactory = _ => "local" };
        var jobs = new Option<int>("--jobs", "-j") { Description = $"points at once when local (default: all {Environment.ProcessorCount} cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quick = new Option<bool>("--quick") { Description = "pass --quick to every point (a small subset, seconds)" };
        var detach = new Option<bool>("--detach") { Description = "slurm: submit and return; follow with 'hwdsl sweep status DIR'" };
        var slurm = SlurmOptions.Create();
        var sweep = new Command("sweep", "Run a script over a grid of parameters, locally in parallel or on a Slurm cluster.")
        {
            script, grid, point, seeds, command, output, resume, on, jobs, quick, detach,
            StatusCommand(), CollectCommand(), TaskCommand(),
        };
        slurm.AddTo(sweep);
        sweep.SetAction(async (parse, cancel) =>
        {
            var where = parse.GetValue(on)!;
            if (where is not ("local" or "slurm")) throw new UserInputException($"--on: '{where}' is not local or slurm.");
            var declaration = new SweepDeclaration();
            foreach (var g in parse.GetValue(grid) ?? []) declaration.ParseGrid(g);
            foreach (var p in parse.GetValue(point) ?? []) declaration.ParsePoint(p);
            if (parse.GetValue(seeds) is { } s) declaration.ParseGrid($"seeds={s}");
            var declared = parse.GetValue(script) is not null || parse.GetValue(command) is not null || declaration.Names.Count > 0;
            var manifest = declared ? SweepSetup.Plan(parse.GetValue(script), parse.GetValue(command), parse.GetValue(quick), [], declaration) : null;
            SweepFolder folder;
            if (parse.GetValue(resume))
            {
                var dir = parse.GetValue(output) ?? throw new UserInputException("--resume needs --output DIR: the sweep folder to resume.");
                folder = SweepSetup.Resume(dir, manifest);
            }
            else
            {
                if (manifest is null) throw new UserInputException("give the script to sweep and --grid/--point (see 'hwdsl sweep --help'), or --resume --output DIR.");
                folder = SweepSetup.Create(manifest, parse.GetValue(output) ?? SweepSetup.DefaultOutput(manifest));
            }
            var todo = folder.Unfinished();
            Console.WriteLine($"sweep {folder.Root}: {folder.Manifest.Points.Count} points, {todo.Count} to run, on {where}");
            if (todo.Count == 0) return SweepConsole.Finish(folder, SweepStatus.Of(folder, null));
            if (where == "local")
            {
                var executor = new LocalExecutor(parse.GetValue(jobs), SelfLauncher.Arguments());
                await executor.RunAsync(folder, todo, SweepConsole.Progress, cancel);
                return SweepConsole.Finish(folder, SweepStatus.Of(folder, null));
            }
            SlurmClient.CheckReachable();
            var client = new SlurmClient();
            var slurmExecutor = new SlurmExecutor(client, SlurmConfig.Load(folder.Root).With(slurm.Read(parse)), SelfLauncher.Arguments());
            var job = slurmExecutor.Submit(folder, todo);
            Console.WriteLine($"submitted Slurm job {job}: {todo.Count} array task(s); script {folder.Relative(Path.Combine(folder.SlurmDir, "job.sbatch"))}");
            if (parse.GetValue(detach))
            {
                Console.WriteLine($"follow it with: hwdsl sweep status {folder.Root}; merge with: hwdsl sweep collect {folder.Root}");
                return 0;
            }
            try { await slurmExecutor.TrackAsync(folder, job, todo, SweepConsole.Progress, cancel); }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"stopped following; job {job} keeps running. hwdsl sweep status {folder.Root}");
                throw;
            }
            return SweepConsole.Finish(folder, SweepStatus.Of(folder, client));
        });
        return sweep;
    }

    private static Command StatusCommand()
    {
        var dir = new Argument<string>("dir") { Description = "the sweep folder" };
        var status = new Command("status", "Where each point of a sweep stands (asks Slurm about submitted tasks).") { dir };
        status.SetAction(parse =>
        {
            var folder = SweepFolder.Open(parse.GetValue(dir)!);
            var client = ReachableSlurm(folder);
            var all = SweepStatus.Of(folder, client);
            Console.WriteLine($"sweep {folder.Root}: {folder.Manifest.Points.Count} points");
            foreach (var group in all.GroupBy(s => s.State)) Console.WriteLine($"  {group.Key,-10} {group.Count()}");
            foreach (var s in all.Where(s => s.Unfinished)) Console.WriteLine(SweepConsole.NotDone(s));
            if (SlurmExecutor.Submissions(folder).Count > 0 && client is null) Console.WriteLine("  (Slurm not reachable from here: queued and running tasks show as incomplete or not run)");
            return 0;
        });
        return status;
    }

    private static Command CollectCommand()
    {
        var dir = new Argument<string>("dir") { Description = "the sweep folder" };
        var collect = new Command("collect", "Merge the results of a sweep's points into results.csv and results.json.") { dir };
        collect.SetAction(parse =>
        {
            var folder = SweepFolder.Open(parse.GetValue(dir)!);
            SweepConsole.Finish(folder, SweepStatus.Of(folder, ReachableSlurm(folder)));
            return 0;
        });
        return collect;
    }

    // What a Slurm array task runs: the point with this manifest index, exiting with the point's exit code.
    private static Command TaskCommand()
    {
        var dir = new Argument<string>("dir");
        var index = new Argument<int>("index");
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 1 };
        var task = new Command("task", "Run one point of a sweep (what each Slurm array task runs).") { dir, index, threads };
        task.Hidden = true;
        task.SetAction(async (parse, cancel) =>
        {
            var folder = SweepFolder.Open(parse.GetValue(dir)!);
            var i = parse.GetValue(index);
            var p = folder.Manifest.Points.FirstOrDefault(x => x.Index == i)
                    ?? throw new UserInputException($"sweep task: index {i} is not a point of {folder.Root} (0..{folder.Manifest.Points.Count - 1}).");
            var slurmJob = Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID") is { Length: > 0 } job ? $"{job}_{i}" : null;
            var record = await PointRunner.RunAsync(folder, p, SelfLauncher.Arguments(), Math.Max(1, parse.GetValue(threads)), slurmJob, cancel);
            return record.ExitCode;
        });
        return task;
    }

    private static SlurmClient? ReachableSlurm(SweepFolder folder)
    {
        if (SlurmExecutor.Submissions(folder).Count == 0) return null;
        try { SlurmClient.CheckReachable(); return new SlurmClient(); }
        catch (SweepException) { return null; }
    }
}
