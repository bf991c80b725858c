// Obradovic et al. 2018 (arXiv 1809.04982): float vs naive mapping vs hardware-aware training of the MLP
// 784-256-256-10 (clipped ReLU) on non-ideal multi-bit differential pairs, over weight and activation bits, on/off
// ratio, asymmetry and non-linearity; mean and spread over seeds, always evaluated as deployed.
//   hwdsl run scripts/obradovic2018.csx [--quick] [--set datasets=mnist,fashion-mnist] [--set seeds=0..2] [--set epochs=10]
// Writes obradovic2018-<dataset>.csv after every point (a stopped sweep keeps what it finished) and .md at the end.
using System.Globalization;

var datasets = Param("datasets", new[] { "mnist" });
var seeds = Param("seeds", Quick ? new[] { 0 } : new[] { 0, 1, 2 });   // --quick: one seed unless --set seeds
var epochs = Quick ? 1 : Param("epochs", 10);
foreach (var d in datasets)
    if (d is not ("mnist" or "fashion-mnist")) throw new ArgumentException($"--set datasets: '{d}' is not one of mnist, fashion-mnist.");
if (epochs < 1) throw new ArgumentException($"--set epochs must be at least 1; got {epochs}.");

// The grid: the headline point (4/4 bits, r = 10, a = 0.1) with and without non-linearity, then one axis at a time around it.
record Point(int WeightBits, int ActivationBits, double Ratio, double Asymmetry, double NonLinearity, bool HardwareAware = true, bool Ste = false)
{
    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"W{WeightBits}/A{ActivationBits} r={(double.IsPositiveInfinity(Ratio) ? "∞" : Ratio.ToString())} a={Asymmetry} ν={NonLinearity}");
}
record Row(string Dataset, Point P, string Mode, int Seed, double Accuracy, double SamplesPerSecond);

List<Point> grid = Quick ? [new(4, 4, 10, 0.1, 2, Ste: true), new(2, 4, 10, 0.1, 2)] : [new(4, 4, 10, 0.1, 0, Ste: true), new(4, 4, 10, 0.1, 2, Ste: true)];
if (!Quick)
{
    foreach (var b in new[] { 1, 2, 3, 6, 8 }) grid.Add(new(b, 4, 10, 0.1, 2));
    foreach (var a in new[] { 2, 8 }) grid.Add(new(4, a, 10, 0.1, 2));
    foreach (var r in new[] { 100, double.PositiveInfinity }) grid.Add(new(4, 4, r, 0.1, 2));
    grid.Add(new(4, 4, 10, 0, 2));
    grid.Add(new(8, 8, double.PositiveInfinity, 0, 0, HardwareAware: false));   // near-ideal: naive only
}

ExperimentBuilder Base(string dataset, int seed, Point p) => Experiment.Named($"obradovic2018-{dataset}").Seed(seed)
    .Data(dataset == "mnist" ? Datasets.Mnist : Datasets.FashionMnist)
    .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
    .On(Hardware.DifferentialPair().WeightBits(p.WeightBits).InputBits(p.ActivationBits).ActivationBits(p.ActivationBits)
        .OnOffRatio(p.Ratio).Asymmetry(p.Asymmetry).NonLinearity(p.NonLinearity))
    .Train(t => t.Adam(1e-3).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(2, 50)));

void SaveCsv(string dataset, List<Row> rows) => Save($"obradovic2018-{dataset}.csv", RunFolder.Csv(
    ["dataset", "point", "weight_bits", "activation_bits", "on_off_ratio", "asymmetry", "non_linearity", "mode", "seed", "deployed_accuracy", "samples_per_s"],
    rows.Select(r => (IReadOnlyList<object?>)[r.Dataset, r.P.Label, r.P.WeightBits, r.P.ActivationBits, r.P.Ratio, r.P.Asymmetry, r.P.NonLinearity, r.Mode, r.Seed, r.Accuracy, r.SamplesPerSecond])));

// Mean ± sd over seeds per point and mode, with the difference to the float baseline in percentage points.
string Table(List<Row> rows)
{
    var inv = CultureInfo.InvariantCulture;
    string Stat(double[] v) => v.Length == 0 ? "–" : string.Create(inv,
        $"{v.Average() * 100:F2} ± {(v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1)) : 0) * 100:F2} %");
    var floats = rows.Where(r => r.Mode == "float").Select(r => r.Accuracy).ToArray();
    var floatMean = floats.Length > 0 ? floats.Average() : double.NaN;
    var lines = new List<string>
    {
        $"Float baseline: {Stat(floats)} over {floats.Length} seed(s). Every other column is the hard deployed model; Δ is against the float baseline.",
        "",
        "| point | naive mapping | Δ pp | hw-aware (sigmoid relaxation) | Δ pp | hw-aware (STE) | Δ pp |",
        "|---|---:|---:|---:|---:|---:|---:|",
    };
    foreach (var label in rows.Where(r => r.Mode != "float").Select(r => r.P.Label).Distinct())
    {
        string Cell(string mode)
        {
            var v = rows.Where(r => r.P.Label == label && r.Mode == mode).Select(r => r.Accuracy).ToArray();
            return v.Length == 0 ? "– | –" : $"{Stat(v)} | {((v.Average() - floatMean) * 100).ToString("+0.00;-0.00;0.00", inv)}";
        }
        lines.Add($"| {label} | {Cell("naive")} | {Cell("hw-aware")} | {Cell("hw-aware-ste")} |");
    }
    return string.Join("\n", lines) + "\n";
}

foreach (var dataset in datasets)
{
    var rows = new List<Row>();
    void Add(Point p, string mode, int seed, ExperimentResult r)
    {
        rows.Add(new(dataset, p, mode, seed, mode == "float" ? r.FloatAccuracy : r.DeployedMean, mode == "naive" ? double.NaN : r.Training.SamplesPerSecond));
        Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset} seed {seed} {p.Label,-26} {mode,-14} {rows[^1].Accuracy:P2}"));
        SaveCsv(dataset, rows);   // after every point: a stopped sweep keeps what it finished
    }
    foreach (var seed in seeds)
    {
        var floatSpec = Base(dataset, seed, grid[0]).With(t => t.Float()).Build();
        var floatResult = ExperimentRunner.Run(floatSpec, OptionsFor(floatSpec), out var floatNetwork);
        Cancel.ThrowIfCancellationRequested();
        Add(grid[0], "float", seed, floatResult);
        foreach (var p in grid)
        {
            var naiveSpec = Base(dataset, seed, p).With(t => t.NaiveMapping()).Build();
            Add(p, "naive", seed, ExperimentRunner.Transfer(naiveSpec, floatNetwork, floatResult.Training, OptionsFor(naiveSpec)));
            if (p.HardwareAware) Add(p, "hw-aware", seed, Run(Base(dataset, seed, p).Build()));
            if (p.Ste) Add(p, "hw-aware-ste", seed, Run(Base(dataset, seed, p).With(t => t.HardwareAware(Relaxation.Ste)).Build()));
        }
    }
    var table = Table(rows);
    Save($"obradovic2018-{dataset}.md", table);
    Out.WriteLine();
    Out.WriteLine($"## {dataset}, {epochs} epoch(s), seeds [{string.Join(", ", seeds)}]");
    Out.WriteLine();
    Out.Write(table);
}
