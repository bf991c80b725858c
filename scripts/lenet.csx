// LeNet-5 on crossbars (issue 15): conv 6@5×5 (padding 2) – max pool 2 – conv 16@5×5 – max pool 2 – dense 120 – 84 – 10,
// clipped ReLU, on MNIST and Fashion-MNIST. Float training; the float weights mapped naively onto 4-bit non-ideal
// differential pairs (on/off ratio 10, asymmetry 0.1, 4-bit inputs and activations); and hardware-aware training on that
// hardware. Both convolutions and the three dense layers are crossbar arrays (a convolution's kernel matrix is programmed
// like a dense one); naive and hardware-aware are evaluated as deployed. Mean ± sd over seeds.
//   hwdsl run scripts/lenet.csx [--quick] [--set datasets=mnist,fashion-mnist] [--set seeds=0..2] [--set epochs=15]
//       [--set bits=4] [--set ratio=10] [--set asymmetry=0.1] [--set nonlinearity=0] [--set lr=0.001]
// Writes lenet.csv after every run (a stopped run keeps what it finished) and lenet.md at the end.
using System.Diagnostics;
using System.Globalization;

var datasets = Param("datasets", new[] { "mnist", "fashion-mnist" });
var seeds = Param("seeds", Quick ? new[] { 0 } : new[] { 0, 1, 2 });   // --quick: one seed unless --set seeds
var epochs = Param("epochs", Quick ? 1 : 15);
var bits = Param("bits", 4);
var ratio = Param("ratio", 10.0);
var asymmetry = Param("asymmetry", 0.1);
var nonLinearity = Param("nonlinearity", 0.0);
var learningRate = Param("lr", Quick ? 3e-3 : 1e-3);   // one short quick epoch needs a larger step
foreach (var d in datasets)
    if (d is not ("mnist" or "fashion-mnist")) throw new ArgumentException($"--set datasets: '{d}' is not one of mnist, fashion-mnist.");
if (seeds.Length == 0) throw new ArgumentException("--set seeds must name at least one seed.");
if (epochs < 1) throw new ArgumentException($"--set epochs must be at least 1; got {epochs}.");

// Every weight layer, convolutions included, on the same hardware; out-of-range values are refused with this line.
var hw = Hardware.DifferentialPair()
    .WeightBits(bits).InputBits(bits).ActivationBits(bits)
    .OnOffRatio(ratio).Asymmetry(asymmetry).NonLinearity(nonLinearity);

ExperimentBuilder LeNet(string dataset, int seed) => Experiment.Named($"lenet-{dataset}").Seed(seed)
    .Data(dataset == "mnist" ? Datasets.Mnist : Datasets.FashionMnist)
    .Network(n => n.Conv2d(6, 5, padding: 2).ClippedRelu().MaxPool(2)
                   .Conv2d(16, 5).ClippedRelu().MaxPool(2)
                   .Flatten().Dense(120).ClippedRelu().Dense(84).ClippedRelu().Dense(10))
    .On(hw)
    .Train(t => t.Adam(learningRate).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine)
                 .HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)));

record Row(string Dataset, string Mode, int Seed, double Accuracy, double FloatAccuracy, int Epochs, double SamplesPerSecond, double Seconds);
var rows = new List<Row>();
var inv = CultureInfo.InvariantCulture;

void Add(string dataset, string mode, int seed, ExperimentResult r, double seconds)
{
    var row = new Row(dataset, mode, seed, r.Accuracy, r.FloatAccuracy, r.Training.Epochs.Count, r.Training.SamplesPerSecond, seconds);
    rows.Add(row);
    Out.WriteLine(string.Create(inv, $"{dataset,-14} {mode,-15} seed {seed}: {row.Accuracy:P2} (software {row.FloatAccuracy:P2}), {row.Epochs} epoch(s), {row.Seconds:F0} s"));
    Save("lenet.csv", RunFolder.Csv(["dataset", "mode", "seed", "accuracy", "float_accuracy", "epochs", "samples_per_s", "seconds"],
        rows.Select(x => (IReadOnlyList<object?>)[x.Dataset, x.Mode, x.Seed, x.Accuracy, x.FloatAccuracy, x.Epochs, x.SamplesPerSecond, x.Seconds])));
}

foreach (var dataset in datasets)
foreach (var seed in seeds)
{
    var exp = LeNet(dataset, seed);
    var clock = Stopwatch.StartNew();
    var floatSpec = exp.WithName($"lenet-{dataset}-float").With(t => t.Float()).Build();
    var floatResult = ExperimentRunner.Run(floatSpec, OptionsFor(floatSpec), out var floatNetwork);
    Cancel.ThrowIfCancellationRequested();
    Add(dataset, "float", seed, floatResult, clock.Elapsed.TotalSeconds);

    clock.Restart();
    var naiveSpec = exp.WithName($"lenet-{dataset}-naive").With(t => t.NaiveMapping()).Build();
    Add(dataset, "naive mapping", seed, ExperimentRunner.Transfer(naiveSpec, floatNetwork, floatResult.Training, OptionsFor(naiveSpec)), clock.Elapsed.TotalSeconds);

    clock.Restart();
    Add(dataset, "hardware-aware", seed, Run(exp.WithName($"lenet-{dataset}-hw-aware").Build()), clock.Elapsed.TotalSeconds);
}

// Mean ± sd over seeds per data set and mode, with the difference to float in percentage points.
string Stat(double[] v) => string.Create(inv,
    $"{v.Average() * 100:F2} ± {(v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1)) : 0) * 100:F2} %");
double[] Of(string dataset, string mode) => [.. rows.Where(r => r.Dataset == dataset && r.Mode == mode).Select(r => r.Accuracy)];
var lines = new List<string>
{
    string.Create(inv, $"LeNet-5 (clipped ReLU), {epochs} epoch(s), Adam {learningRate:G3} cosine, batch 100, seed(s) {string.Join(",", seeds)}{(Quick ? ", quick subset" : "")}; ")
        + string.Create(inv, $"hardware: {bits}-bit weights, inputs and activations, on/off ratio {ratio:G4}, asymmetry {asymmetry:G3}, non-linearity {nonLinearity:G3}, ")
        + "every conv and dense layer on crossbar tiles. Naive and hardware-aware are the hard deployed model; Δ is against float.",
    "",
    "| data set | float | naive mapping | Δ pp | hardware-aware | Δ pp |",
    "|---|---:|---:|---:|---:|---:|",
};
foreach (var dataset in datasets)
{
    var (f, n, a) = (Of(dataset, "float"), Of(dataset, "naive mapping"), Of(dataset, "hardware-aware"));
    lines.Add(string.Create(inv, $"| {dataset} | {Stat(f)} | {Stat(n)} | {(n.Average() - f.Average()) * 100:+0.00;-0.00;0.00} | {Stat(a)} | {(a.Average() - f.Average()) * 100:+0.00;-0.00;0.00} |"));
}
var table = string.Join("\n", lines) + "\n";
Save("lenet.md", table);
Out.WriteLine();
if (Quick) Out.WriteLine("--quick checks that LeNet-5 trains and deploys on tiles: one epoch on a subset is far from the full run's accuracy.");
Out.Write(table);
Out.WriteLine($"written to {Path.Combine(Output, "lenet.md")} and lenet.csv");
