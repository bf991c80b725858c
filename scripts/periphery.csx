// The analog periphery (issue 14): what ADC bits, input ranges, IR drop and per-read noise cost a 4-bit MNIST MLP on the
// generic device (784-256-256-10, clipped ReLU, 4-bit weights, inputs and activations, on/off ratio 10), for weights
// trained in float and mapped naively, trained hardware-aware, and trained noise-aware (per-MVM read noise injected).
// Each trained network is evaluated as deployed under every periphery setting; samples are independent draws of the
// per-read noise (the generic device has no programming noise here, so without noise one sample says it all).
//   dotnet run --project src/HwDsl.Cli -c Release -- run scripts/periphery.csx [--quick] [--set epochs=3] [--set hidden=256]
//       [--set samples=3] [--set seed=0]
// Writes periphery.csv after every section and periphery.md at the end.
using System.Globalization;

var inv = CultureInfo.InvariantCulture;
var epochs = Param("epochs", Quick ? 1 : 3);
var hidden = Param("hidden", Quick ? 64 : 256);
var samples = Param("samples", Quick ? 1 : 3);
var seed = Param("seed", 0);
var learningRate = Param("lr", Quick ? 3e-3 : 1e-3);
if (epochs < 1 || hidden < 1 || samples < 1) throw new ArgumentException($"--set epochs, hidden and samples must be at least 1; got {epochs}, {hidden}, {samples}.");
int[] adcBits = Quick ? [4, 8, 0] : [4, 5, 6, 8, 0];                  // 0: no ADC (∞)
double[] wires = Quick ? [0, 1e-5] : [0, 1e-6, 1e-5, 1e-4];           // one wire segment's resistance × Gmax
int[] tiles = Quick ? [128, 512] : [128, 256, 512];
double[] readNoise = Quick ? [0, 0.05] : [0, 0.02, 0.05, 0.1, 0.2];        // σ per element and read, fraction of Gmax

HardwareBuilder Base(int tile = 512) => Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10).TileSize(tile, tile);

// draws: deployed samples, more than one only where the hardware draws per-read noise (HW0402/HW0403 refuse them
// elsewhere: the float run is evaluated once, and a noiseless deployment is the same model every time).
ExperimentBuilder Exp(string name, HardwareBuilder hw, int draws = 1) => Experiment.Named(name).Seed(seed).Data(Datasets.Mnist)
    .Network(n => n.Dense(hidden).ClippedRelu().Dense(hidden).ClippedRelu().Dense(10))
    .On(hw)
    .Train(t => t.Adam(learningRate).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)))
    .Evaluate(e => e.Deployed(draws));

// Float weights (mapped naively) and hardware-aware weights, trained once on the ideal periphery.
var floatSpec = Exp("periphery-float", Base()).With(t => t.Float()).Build();
var floatResult = ExperimentRunner.Run(floatSpec, OptionsFor(floatSpec), out var floatNetwork);
Cancel.ThrowIfCancellationRequested();
var awareSpec = Exp("periphery-hw-aware", Base()).Build();
var awareResult = ExperimentRunner.Run(awareSpec, OptionsFor(awareSpec), out var awareNetwork);
Cancel.ThrowIfCancellationRequested();
var trained = new (string Label, CompiledNetwork Network, TrainingResult Training)[]
{
    ("naive", floatNetwork, floatResult.Training), ("hw-aware", awareNetwork, awareResult.Training),
};

var csv = new List<string> { "section,setting,weights,deployed_mean,deployed_sd,samples,saturated_fraction" };
ExperimentResult Evaluate(string section, string setting, (string Label, CompiledNetwork Network, TrainingResult Training) weights, HardwareBuilder hw, int draws = 1)
{
    Cancel.ThrowIfCancellationRequested();
    var spec = Exp($"periphery-{section}", hw, draws).With(t => t.NaiveMapping()).Build();
    var r = ExperimentRunner.Transfer(spec, weights.Network, weights.Training, OptionsFor(spec));
    var saturated = r.Saturation.Sum(s => s.Saturated) / (double)Math.Max(1, r.Saturation.Sum(s => s.Converted));
    csv.Add(string.Create(inv, $"{section},{setting},{weights.Label},{r.DeployedMean:R},{r.DeployedSd:R},{r.Deployed.Count},{saturated:R}"));
    return r;
}
string Pct(ExperimentResult r) => r.Deployed.Count > 1 ? string.Create(inv, $"{r.DeployedMean * 100:F2} ± {r.DeployedSd * 100:F2}") : string.Create(inv, $"{r.DeployedMean * 100:F2}");

// 1. ADC bits × input range (the ADC range calibrated per tile at the 99.9th percentile of a training batch).
var adc = new List<string> { "| ADC bits | input range | naive % | hw-aware % | saturated (naive) |", "|---:|---|---:|---:|---:|" };
foreach (var bits in adcBits)
    foreach (var dynamic in new[] { false, true })
    {
        var hw = Base();
        if (dynamic) hw = hw.InputRange(InputRange.Dynamic);
        if (bits > 0) hw = hw.Adc(bits, AdcRange.Calibrated(99.9));
        var setting = $"{(bits > 0 ? bits.ToString(inv) : "inf")}-bit {(dynamic ? "dynamic" : "fixed")}";
        var naive = Evaluate("adc", setting, trained[0], hw);
        var aware = Evaluate("adc", setting, trained[1], hw);
        var saturated = naive.Saturation.Sum(s => s.Saturated) / (double)Math.Max(1, naive.Saturation.Sum(s => s.Converted));
        adc.Add(string.Create(inv, $"| {(bits > 0 ? bits.ToString(inv) : "∞")} | {(dynamic ? "dynamic (max abs per vector)" : "fixed [0, 1]")} | {Pct(naive)} | {Pct(aware)} | {(bits > 0 ? (saturated * 100).ToString("F3", inv) + " %" : "–")} |"));
    }
Save("periphery.csv", string.Join("\n", csv) + "\n");

// 2. IR drop: tile size × wire resistance (first-order model folded into the programmed conductances).
// The first-order model holds while r·N·M·Ḡ stays small (within 1 % of the exact solve below about 0.1: `hwdsl irdrop`);
// the load column is r·N·M of the first layer's largest tile (Ḡ ≤ 1), and rows beyond 0.1 are marked.
var ir = new List<string> { "| tile | wire r·Gmax | r·N·M (layer 1) | naive % | hw-aware % |", "|---:|---:|---:|---:|---:|" };
foreach (var tile in tiles)
    foreach (var wire in wires)
    {
        var hw = Base(tile).IrDrop(wire);
        var setting = string.Create(inv, $"{tile}x{tile} r={wire:G3}");
        var load = wire * Math.Min(tile, 784) * Math.Min(tile, hidden);
        var loadCell = string.Create(inv, $"{load:G3}{(load > 0.1 ? " (beyond first order)" : "")}");
        ir.Add(string.Create(inv, $"| {tile}×{tile} | {wire:G3} | {loadCell} | {Pct(Evaluate("ir-drop", setting, trained[0], hw))} | {Pct(Evaluate("ir-drop", setting, trained[1], hw))} |"));
    }
Save("periphery.csv", string.Join("\n", csv) + "\n");

// 3. Conductance read noise redrawn on every MVM: naive vs hardware-aware vs noise-aware (trained with that noise injected).
// Two noise-aware trainings: the relaxation of the hardware-aware column with the noise injected, and STE with a learned
// w_max per layer (a smaller w_max puts more conductance behind each unit of weight, so a read-noise σ in units of Gmax
// costs less in weight units, at the price of clipping; training finds the balance). The learned range is trained
// through the hardware, so its network is evaluated by its own run (the same hardware, its own draws), not transferred.
var noise = new List<string> { "| read noise per MVM σ | naive % | hw-aware % | noise-aware % | noise-aware, STE + learned w_max % | float − naive (pp) | noise-aware − hw-aware (pp) | recovered of the naive loss (relaxation / STE + learned) |", "|---:|---:|---:|---:|---:|---:|---:|---:|" };
foreach (var sigma in readNoise)
{
    var hw = Base().ReadNoisePerMvm(sigma);
    var setting = string.Create(inv, $"sigma={sigma:G3}");
    var draws = sigma > 0 ? samples : 1;
    var naive = Evaluate("read-noise", setting, trained[0], hw, draws);
    var aware = Evaluate("read-noise", setting, trained[1], hw, draws);
    string awareCell = "–", learnedCell = "–", gain = "–", recovered = "–";
    var loss = floatResult.FloatAccuracy - naive.DeployedMean;
    if (sigma > 0)
    {
        var noiseSpec = Exp(string.Create(inv, $"periphery-noise-aware-{sigma:G3}"), hw, draws).With(t => t.NoiseAware(Relaxation.Sigmoid(beta: 2, to: 50))).Build();
        var noiseResult = ExperimentRunner.Run(noiseSpec, OptionsFor(noiseSpec), out var noiseNetwork);
        var na = Evaluate("read-noise", setting, ("noise-aware", noiseNetwork, noiseResult.Training), hw, draws);
        awareCell = Pct(na);
        Cancel.ThrowIfCancellationRequested();
        var learnedSpec = Exp(string.Create(inv, $"periphery-noise-aware-ste-learned-{sigma:G3}"), hw.WeightRange(WeightRange.Learned), draws)
            .With(t => t.NoiseAware(Relaxation.Ste)).Build();
        var learned = ExperimentRunner.Run(learnedSpec, OptionsFor(learnedSpec), out _);
        csv.Add(string.Create(inv, $"read-noise,{setting},noise-aware-ste-learned,{learned.DeployedMean:R},{learned.DeployedSd:R},{learned.Deployed.Count},"));
        learnedCell = Pct(learned);
        // Against hardware-aware training without the noise: what injecting it during training buys at this σ.
        gain = string.Create(inv, $"{(na.DeployedMean - aware.DeployedMean) * 100:+0.00;-0.00;0.00}");
        // The issue's measure, where naive loses ≥ 2 pp: the share of naive mapping's loss that noise-aware training wins back.
        if (loss >= 0.02)
            recovered = string.Create(inv, $"{(na.DeployedMean - naive.DeployedMean) / loss * 100:F0} % / {(learned.DeployedMean - naive.DeployedMean) / loss * 100:F0} %");
    }
    noise.Add(string.Create(inv, $"| {sigma:G3} | {Pct(naive)} | {Pct(aware)} | {awareCell} | {learnedCell} | {loss * 100:F2} | {gain} | {recovered} |"));
}
Save("periphery.csv", string.Join("\n", csv) + "\n");

var settings = string.Create(inv,
    $"MNIST{(Quick ? " (quick subset)" : "")}, MLP 784-{hidden}-{hidden}-10, 4-bit weights/inputs/activations, generic device (on/off 10), {epochs} epoch(s), Adam {learningRate:G3} cosine, batch 100, seed {seed}; {samples} deployed sample(s); float accuracy {floatResult.FloatAccuracy * 100:F2} %, tiles 512×512 unless said.");
var text = settings + "\n\nADC bits and input range (calibrated ADC range, 99.9th percentile per tile):\n\n" + string.Join("\n", adc)
    + "\n\nIR drop (first-order, folded into the conductances):\n\n" + string.Join("\n", ir)
    + "\n\nConductance read noise redrawn on every MVM (σ per element, fraction of Gmax):\n\n" + string.Join("\n", noise) + "\n";
Save("periphery.md", text);
Out.WriteLine();
Out.Write(text);
if (Quick) Out.WriteLine("--quick checks that every periphery stage trains and deploys; one short epoch is far below the full run's accuracy.");
Out.WriteLine($"written to {Path.Combine(Output, "periphery.md")} and periphery.csv");
