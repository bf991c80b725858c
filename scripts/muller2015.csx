// Muller & Indiveri 2015 (arXiv 1504.05767): rounding methods for low-resolution weights at a fixed weight-memory
// budget (hidden units × bits per weight constant). Two network algorithms — an MLP with a clipped-ReLU hidden layer
// and one with binary (sign) hidden neurons — each trained in float and deployed by round-to-nearest, stochastic
// rounding and a fitted per-layer scale, and trained with rounding in the loop (max |w| and fitted scale).
//   hwdsl run scripts/muller2015.csx [--quick] [--set budgets=32,128] [--set bits=1,2,3,4,6,8] [--set epochs=3]
//                                    [--set seeds=0] [--set train=10000]
// Writes muller2015.csv after every point and muller2015.md at the end.
using System.Globalization;

var budgets = Param("budgets", Quick ? new[] { 32 } : new[] { 32, 128 });
var bitWidths = Param("bits", Quick ? new[] { 1, 4 } : new[] { 1, 2, 3, 4, 6, 8 });
var seeds = Param("seeds", new[] { 0 });
var epochs = Quick ? 1 : Param("epochs", 3);
var train = Param("train", 10000);       // the first N training images: 3 trainings per point add up
if (epochs < 1 || train < 100) throw new ArgumentException($"--set epochs must be >= 1 and train >= 100; got {epochs}, {train}.");
if (bitWidths.Any(b => b is < 1 or > 16)) throw new ArgumentException($"--set bits must be in 1..16; got {string.Join(",", bitWidths)}.");

var full = Data(Datasets.Mnist);
var n = Math.Min(train, full.Train.Count);
var data = new HwDsl.Data.Dataset(full.Name,
    full.Train.Take(n),   // the first n training images, with their image shape (the test split keeps it too)
    full.Test, full.Files);
var options = Options with { Data = data };

var inv = CultureInfo.InvariantCulture;
var rows = new List<RoundingSweepRow>();
foreach (var budget in budgets)
    foreach (var network in RoundingSweep.Networks)
        foreach (var bits in bitWidths)
            foreach (var seed in seeds)
            {
                rows.AddRange(RoundingSweep.RunPoint(network, budget, bits, seed, epochs, Datasets.Mnist, options));
                Cancel.ThrowIfCancellationRequested();
                Out.WriteLine($"{network} budget {budget} bits {bits} seed {seed}: " +
                    string.Join("  ", rows.TakeLast(RoundingSweep.Methods.Count).Select(r => string.Create(inv, $"{r.Method} {r.Accuracy:P2}"))));
                Save("muller2015.csv", RunFolder.Csv(["network", "budget", "bits", "units", "seed", "method", "accuracy"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.Network, r.Budget, r.Bits, r.Units, r.Seed, r.Method, r.Accuracy])));
            }

// Mean over seeds; the best deployed method per row in bold; the last column says whether some advanced method beats nearest.
var lines = new List<string>
{
    $"MNIST, first {n} training images{(Quick ? " (quick subset)" : "")}, full test split; {epochs} epoch(s); seeds {string.Join(",", seeds)}. Deployed accuracy except float.",
    "",
    "| network | budget (units × bits) | bits | units | " + string.Join(" | ", RoundingSweep.Methods) + " | advanced > nearest |",
    "|---|---:|---:|---:|" + string.Concat(RoundingSweep.Methods.Select(_ => "---:|")) + "---|",
};
foreach (var g in rows.GroupBy(r => (r.Network, r.Budget, r.Bits, r.Units)))
{
    double Mean(string m) => g.Where(r => r.Method == m).Average(r => r.Accuracy);
    var deployed = RoundingSweep.Methods.Skip(1).ToDictionary(m => m, Mean);
    var best = deployed.Values.Max();
    var cells = RoundingSweep.Methods.Select(m => m == "float" ? string.Create(inv, $"{Mean(m) * 100:F2}")
        : deployed[m] == best ? string.Create(inv, $"**{deployed[m] * 100:F2}**") : string.Create(inv, $"{deployed[m] * 100:F2}"));
    var wins = deployed.Where(p => p.Key != "nearest").Max(p => p.Value) > deployed["nearest"]; // stochastic, fitted, in-training, in-training+fitted
    lines.Add($"| {g.Key.Network} | {g.Key.Budget} | {g.Key.Bits} | {g.Key.Units} | {string.Join(" | ", cells)} | {(wins ? "yes" : "no")} |");
}
var table = string.Join("\n", lines) + "\n";
Out.WriteLine();
Out.Write(table);
Save("muller2015.md", table);
