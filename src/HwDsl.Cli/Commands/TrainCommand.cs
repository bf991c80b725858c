using System.CommandLine;
using System.Globalization;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl train</c>: a float MLP on a dataset, with per-epoch progress.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = $"dataset: {string.Join(", ", DatasetStore.KnownNames)}", DefaultValueFactory = _ => "mnist" };
        var hidden = new Option<string>("--hidden") { Description = "hidden layer widths, comma-separated (empty for none)", DefaultValueFactory = _ => "256,256" };
        var activation = new Option<Activation>("--activation") { Description = "activation after each hidden layer", DefaultValueFactory = _ => Activation.Relu };
        var epochs = new Option<int>("--epochs", "-e") { Description = "training epochs", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch", "-b") { Description = "mini-batch size", DefaultValueFactory = _ => 100 };
        var optimizer = new Option<string>("--optimizer") { Description = "adam, adamw or sgd", DefaultValueFactory = _ => "adam" };
        var lr = new Option<double>("--lr") { Description = "learning rate", DefaultValueFactory = _ => 1e-3 };
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum", DefaultValueFactory = _ => 0.9 };
        var weightDecay = new Option<double>("--weight-decay") { Description = "weight decay (L2; decoupled for adamw)", DefaultValueFactory = _ => 0 };
        var schedule = new Option<string>("--schedule") { Description = "constant, step:GAMMA:EVERY or cosine[:MIN]", DefaultValueFactory = _ => "cosine" };
        var seeds = new Option<string>("--seed", "--seeds", "-s") { Description = "seed, or comma-separated seeds (one run each; mean and spread are reported)", DefaultValueFactory = _ => "0" };
        var threads = ThreadsOption();
        var runs = RunsCli.Create();
        var command = new Command("train", "Train a float MLP and report test accuracy per epoch.")
        {
            dataset, hidden, activation, epochs, batch, optimizer, lr, momentum, weightDecay, schedule, seeds, threads, runs,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;

        int Run(ParseResult parse, CancellationToken cancel)
        {
            var hiddenSizes = ParseInts(parse.GetValue(hidden)!, "--hidden", minimum: 1);
            var seedList = ParseInts(parse.GetValue(seeds)!, "--seed", minimum: int.MinValue);
            if (seedList.Count == 0) throw new UserInputException("--seed: give at least one seed.");
            OptimizerSpec optimizerSpec = parse.GetValue(optimizer)!.ToLowerInvariant() switch
            {
                "adam" => new AdamSpec(parse.GetValue(lr), WeightDecay: parse.GetValue(weightDecay)),
                "adamw" => new AdamSpec(parse.GetValue(lr), WeightDecay: parse.GetValue(weightDecay), Decoupled: true),
                "sgd" => new SgdSpec(parse.GetValue(lr), parse.GetValue(momentum), parse.GetValue(weightDecay)),
                var other => throw new UserInputException($"--optimizer: unknown optimizer '{other}'; allowed: adam, adamw, sgd."),
            };
            // Everything that can be checked without the data is checked before it loads (MNIST takes seconds to load and verify).
            var schedule0 = LearningRateSchedule.Parse(parse.GetValue(schedule)!);
            var checkedOptions = new TrainingOptions(parse.GetValue(epochs), parse.GetValue(batch), optimizerSpec, schedule0, seedList[0]);
            checkedOptions.Validate();
            var pool = CreatePool(parse.GetValue(threads));
            var store = new DatasetStore();
            var console = new TrainingConsole();
            var data = store.Load(parse.GetValue(dataset)!, console.Log);
            ModelSize.Check([data.Train.FeatureCount, .. hiddenSizes, data.Train.ClassCount], checkedOptions.BatchSize, checkedOptions.EvaluationBatchSize,
                optimizerSpec is SgdSpec { Momentum: 0 } ? 2 : optimizerSpec is SgdSpec ? 3 : 4);
            var results = new List<TrainingResult>();
            foreach (var seed in seedList)
            {
                var options = checkedOptions with { Seed = seed };
                var model = Sequential<float>.Mlp(data.Train.FeatureCount, hiddenSizes, data.Train.ClassCount, parse.GetValue(activation), seed);
                var description = $"{data.Name}: {data.Train.Count} train / {data.Test.Count} test; model {model.Describe()} ({model.ParameterCount:N0} parameters); " +
                                  $"{optimizerSpec}, batch {options.BatchSize}, {options.Schedule} schedule, seed {seed}, {pool.Threads} thread(s)";
                console.Log(description);
                var run = ModelRun.Start($"train-{data.Name}-seed{seed}", description, data, seed, pool.Threads, model.Describe(), RunsCli.Root(parse, runs, "runs"));
                console.Log($"run folder: {run.Path}");
                var result = Trainer.Train(model, data, options, pool, run.Observer(console), cancel);
                run.Finish(result, model, options);
                results.Add(result);
                if (!result.Completed) throw new OperationCanceledException();
            }
            console.Summary(seedList, results);
            return 0;
        }
    }

    internal static Option<int> ThreadsOption() => new("--threads", "-t")
    {
        Description = $"worker threads for the MAC core (default: all {Environment.ProcessorCount} cores)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    internal static MacPool CreatePool(int threads) => threads is >= 1 and <= 256
        ? new MacPool(threads)
        : throw new UserInputException($"--threads must be between 1 and 256; got {threads}.");

    internal static List<int> ParseInts(string text, string option, int minimum)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IntegerRanges.IsRange(part) && Ranged(part) is { } range) list.AddRange(range);
            else if (int.TryParse(part, CultureInfo.InvariantCulture, out var value) && value >= minimum) list.Add(value);
            else throw new UserInputException($"{option}: '{part}' is not {(minimum == 1 ? "a positive whole number" : "a whole number or a range A..B")}.");
        }
        return list;
    }

    private static IEnumerable<int>? Ranged(string part)
    {
        try
        {
            var values = IntegerRanges.Expand(part);
            return values.All(v => v is >= int.MinValue and <= int.MaxValue) ? values.Select(v => (int)v) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
