using System.CommandLine;
using HwDsl.Cli.Experiments;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl experiment NAME</c>: the papers' experiments as built-in sweeps (until they move to .csx scripts).</summary>
internal static class ExperimentCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "obradovic2018" };
        var datasets = new Option<string>("--dataset", "-d") { Description = "data sets, comma-separated", DefaultValueFactory = _ => "mnist" };
        var seeds = new Option<string>("--seeds", "-s") { Description = "seeds (comma-separated or A..B)", DefaultValueFactory = _ => "0,1,2" };
        var epochs = new Option<int>("--epochs", "-e") { Description = "epochs per training", DefaultValueFactory = _ => 10 };
        var quick = new Option<bool>("--quick") { Description = "a small subset in seconds: 1 epoch, 2 points (seeds as given)" };
        var output = new Option<string>("--output", "-o") { Description = "folder for the CSV, the table and the run folders", DefaultValueFactory = _ => "results" };
        var threads = TrainCommand.ThreadsOption();
        var command = new Command("experiment", "Run a paper's experiment: a sweep with a table and a CSV.") { name, datasets, seeds, epochs, quick, output, threads };
        command.SetAction((parse, cancel) =>
        {
            var which = parse.GetValue(name)!;
            if (which != "obradovic2018") throw new UserInputException($"unknown experiment '{which}'; known: obradovic2018.");
            var sets = parse.GetValue(datasets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var d in sets)
                if (d is not ("mnist" or "fashion-mnist")) throw new UserInputException($"--dataset: '{d}' is not one of mnist, fashion-mnist.");
            var seedList = TrainCommand.ParseInts(parse.GetValue(seeds)!, "--seeds", minimum: int.MinValue);
            var isQuick = parse.GetValue(quick);
            var epochCount = isQuick ? 1 : parse.GetValue(epochs);
            if (epochCount < 1) throw new UserInputException($"--epochs must be at least 1; got {epochCount}.");
            using var pool = TrainCommand.CreatePool(parse.GetValue(threads));
            using var plugins = PluginCli.Start(parse);
            foreach (var d in sets)
            {
                var experiment = new Obradovic2018(d, seedList, epochCount, isQuick, pool, parse.GetValue(output)!, cancel, Console.WriteLine, plugins.Catalog);
                var rows = experiment.Run();
                Console.WriteLine();
                Console.WriteLine($"## {d}, {epochCount} epoch(s), seeds [{string.Join(", ", seedList)}]");
                Console.WriteLine();
                Console.Write(Obradovic2018.Table(rows));
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
