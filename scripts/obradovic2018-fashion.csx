// Issue 20, item 2: the ablation of hardware-aware training methods on Fashion-MNIST at Obradovic et al.'s headline point
// (4-bit weights on differential pairs of the generic NVM device, 4-bit inputs and activations, r = 10, a = 0.1,
// ν = 0 and ν = 2). Same MLP and recipe as scripts/obradovic2018.csx (784-256-256-10 clipped ReLU, Adam 1e-3, cosine,
// batch 100, 10 epochs); only the method changes. Every variant is deployed (no noise: one deployed sample).
//   hwdsl run scripts/obradovic2018-fashion.csx [--set seeds=0..2] [--set variants=float,ste-learned,...] [--set nus=0,2] [--set epochs=10]
// Writes fashion-ablation.csv after every run (a stopped run keeps what it finished) and fashion-ablation.md at the end:
// mean ± sd over seeds and Δ (pp) against the float baseline of the same epochs.
using System.Globalization;

var seeds = Param("seeds", Quick ? new[] { 0 } : new[] { 0, 1, 2 });
var nus = Param("nus", new[] { 0.0, 2.0 });
var epochs = Quick ? 2 : Param("epochs", 10);   // --quick: 2 epochs (SigmoidThenSte needs a relaxed and an STE one)
if (epochs < 2) throw new ArgumentException($"--set epochs must be at least 2 (the annealed variants need a relaxed and an STE epoch); got {epochs}.");

// name → (range, relaxation); null relaxation is the float baseline. The order is the table's.
var all = new (string Name, string Label, WeightRange Range, Func<RelaxationSpec?> Relax)[]
{
    ("float", "float (software baseline)", WeightRange.MaxAbs, () => null),
    ("sigmoid", "sigmoid β 2→50, w_max = max\\|W\\| (the published method)", WeightRange.MaxAbs, () => Relaxation.Sigmoid(2, 50)),
    ("ste", "STE, max\\|W\\|", WeightRange.MaxAbs, () => Relaxation.Ste),
    ("sigmoid-1-10", "sigmoid β 1→10, max\\|W\\|", WeightRange.MaxAbs, () => Relaxation.Sigmoid(1, 10)),
    ("sigmoid-2-20", "sigmoid β 2→20, max\\|W\\|", WeightRange.MaxAbs, () => Relaxation.Sigmoid(2, 20)),
    ("sigmoid-5-200", "sigmoid β 5→200, max\\|W\\|", WeightRange.MaxAbs, () => Relaxation.Sigmoid(5, 200)),
    ("anneal", "sigmoid β 2→50 for half the epochs, then STE, max\\|W\\|", WeightRange.MaxAbs, () => Relaxation.SigmoidThenSte(2, 50, epochs / 2)),
    ("ste-fitted", "STE, fitted w_max (Rounding.FittedScale)", Rounding.FittedScale, () => Relaxation.Ste),
    ("sigmoid-learned", "sigmoid β 2→50, learned w_max", WeightRange.Learned, () => Relaxation.Sigmoid(2, 50)),
    ("sigmoid-1-10-learned", "sigmoid β 1→10, learned w_max", WeightRange.Learned, () => Relaxation.Sigmoid(1, 10)),
    ("anneal-learned", "sigmoid β 2→50 for half the epochs, then STE, learned w_max", WeightRange.Learned, () => Relaxation.SigmoidThenSte(2, 50, epochs / 2)),
    ("ste-learned", "STE, learned w_max (WeightRange.Learned)", WeightRange.Learned, () => Relaxation.Ste),
};
var variants = Param("variants", all.Select(v => v.Name).ToArray());
foreach (var v in variants)
    if (!all.Any(a => a.Name == v)) throw new ArgumentException($"--set variants: '{v}' is not one of {string.Join(", ", all.Select(a => a.Name))}.");
if (!variants.Contains("float")) variants = ["float", .. variants];   // Δ needs the baseline

ExperimentSpec Spec(int seed, double nu, WeightRange range, RelaxationSpec? relax) => Experiment.Named("obradovic2018-fashion-mnist").Seed(seed)
    .Data(Datasets.FashionMnist)
    .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
    .On(Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10).Asymmetry(0.1).NonLinearity(nu).WeightRange(range))
    .Train(t =>
    {
        t.Adam(1e-3).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine);
        if (relax is null) t.Float(); else t.HardwareAware(relax);
    })
    .Build();

record Row(string Variant, double Nu, int Seed, double Accuracy, double SamplesPerSecond);
var rows = new List<Row>();
void SaveCsv() => Save("fashion-ablation.csv", RunFolder.Csv(["variant", "non_linearity", "seed", "epochs", "deployed_accuracy", "samples_per_s"],
    rows.Select(r => (IReadOnlyList<object?>)[r.Variant, r.Nu, r.Seed, epochs, r.Accuracy, r.SamplesPerSecond])));

foreach (var seed in seeds)
    foreach (var name in variants)
    {
        var v = all.First(a => a.Name == name);
        // The float baseline does not see the hardware: one run per seed serves both ν.
        foreach (var nu in name == "float" ? [nus[0]] : nus)
        {
            var r = Run(Spec(seed, nu, v.Range, v.Relax()));
            Cancel.ThrowIfCancellationRequested();
            var accuracy = name == "float" ? r.FloatAccuracy : r.DeployedMean;
            rows.Add(new(name, nu, seed, accuracy, r.Training.SamplesPerSecond));
            Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed} ν={nu} {name,-16} {accuracy:P2}"));
            SaveCsv();
        }
    }

var inv = CultureInfo.InvariantCulture;
static double Sd(double[] v) => v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1)) : 0;
var floats = rows.Where(r => r.Variant == "float").Select(r => r.Accuracy).ToArray();
var lines = new List<string>
{
    string.Create(inv, $"Fashion-MNIST, W4/A4 r=10 a=0.1, {epochs} epochs, seeds [{string.Join(", ", seeds)}]; float baseline {floats.Average() * 100:F2} ± {Sd(floats) * 100:F2} %."),
    "",
    "| variant | " + string.Join(" | ", nus.Select(n => string.Create(inv, $"ν = {n} | Δ pp"))) + " |",
    "|---|" + string.Concat(nus.Select(_ => "---:|---:|")),
};
foreach (var name in variants.Where(n => n != "float"))
{
    var cells = nus.Select(nu =>
    {
        var v = rows.Where(r => r.Variant == name && r.Nu == nu).Select(r => r.Accuracy).ToArray();
        return v.Length == 0 ? "– | –" : string.Create(inv, $"{v.Average() * 100:F2} ± {Sd(v) * 100:F2} % | {(v.Average() - floats.Average()) * 100:+0.00;-0.00;0.00}");
    });
    lines.Add($"| {all.First(a => a.Name == name).Label} | {string.Join(" | ", cells)} |");
}
var table = string.Join("\n", lines) + "\n";
Save("fashion-ablation.md", table);
Out.WriteLine();
Out.Write(table);
