// Design-space exploration (issue 21): accuracy and cost from one hardware declaration. A sweep over weight bits × ADC
// bits × tile size for the MNIST MLP (784-h-h-10, clipped ReLU, 4-bit inputs and activations, on/off ratio 10): per weight
// bits, one network is trained hardware-aware on the ideal periphery, then evaluated as deployed with each ADC (calibrated
// per tile at the 99.9th percentile) on each tile size. Every point reports its deployed accuracy and the cost model's
// energy, latency and area per inference (technology neurosim-rram-32nm, tiles in parallel, 8 columns per ADC), and the
// table marks the Pareto front (no other point has higher accuracy at lower or equal energy).
//   dotnet run --project src/HwDsl.Cli -c Release -- run scripts/design-space.csx [--quick] [--set epochs=3] [--set hidden=256]
//       [--set weight_bits=2,4,8] [--set adc_bits=4,6,8] [--set tiles=128,256,512] [--set seed=0]
// One point per process or Slurm task: hwdsl sweep scripts/design-space.csx --grid weight_bits=2,4 adc_bits=4,8 tiles=128,512
// (a single point trains hardware-aware on its own periphery, so each point leaves one run folder, the row the sweep merges).
// Writes design-space.csv and design-space.md.
using System.Globalization;

var inv = CultureInfo.InvariantCulture;
var epochs = Quick ? 1 : Param("epochs", 3);
var hidden = Quick ? 32 : Param("hidden", 256);
var seed = Param("seed", 0);
int[] List(string name, string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v =>
    int.TryParse(v, NumberStyles.Integer, inv, out var x) && x > 0 ? x : throw new ArgumentException($"--set {name}: '{v}' is not a positive whole number (write e.g. {name}=2,4)."))];
var weightBits = List("weight_bits", Param("weight_bits", Quick ? "2,4" : "2,4,8"));
var adcBits = List("adc_bits", Param("adc_bits", Quick ? "4,8" : "4,6,8"));
var tiles = List("tiles", Param("tiles", Quick ? "128,512" : "128,256,512"));

HardwareBuilder Hw(int bits, int tile) => Hardware.DifferentialPair().WeightBits(bits).InputBits(4).ActivationBits(4).OnOffRatio(10).TileSize(tile, tile);
ExperimentBuilder Exp(string name, HardwareBuilder hw) => Experiment.Named(name).Seed(seed).Data(Datasets.Mnist)
    .Network(n => n.Dense(hidden).ClippedRelu().Dense(hidden).ClippedRelu().Dense(10))
    .On(hw)
    .Train(t => t.Adam(Quick ? 3e-3 : 1e-3).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)))
    .Evaluate(e => e.Deployed(1));

var points = new List<(int W, int Adc, int Tile, double Accuracy, CostEstimate Cost)>();
if (weightBits.Length == 1 && adcBits.Length == 1 && tiles.Length == 1)
{
    var (w, adc, tile) = (weightBits[0], adcBits[0], tiles[0]);
    var spec = Exp($"design-space-w{w}-adc{adc}-t{tile}", Hw(w, tile).Adc(adc, AdcRange.Calibrated(99.9))).Build();
    var r = Run(spec);
    points.Add((w, adc, tile, r.Accuracy, r.Cost!));
}
else foreach (var w in weightBits)
{
    var trainSpec = Exp($"design-space-w{w}", Hw(w, 512)).Build();
    var trained = ExperimentRunner.Run(trainSpec, OptionsFor(trainSpec), out var network);
    foreach (var tile in tiles)
        foreach (var adc in adcBits)
        {
            Cancel.ThrowIfCancellationRequested();
            var spec = Exp($"design-space-w{w}-adc{adc}-t{tile}", Hw(w, tile).Adc(adc, AdcRange.Calibrated(99.9))).With(t => t.NaiveMapping()).Build();
            var r = ExperimentRunner.Transfer(spec, network, trained.Training, OptionsFor(spec));
            points.Add((w, adc, tile, r.Accuracy, r.Cost!));
            Out.WriteLine(string.Create(inv, $"W{w} ADC{adc} tile {tile}: {r.Accuracy * 100:F2} %, {r.Cost!.Energy * 1e9:G4} nJ, {r.Cost.Latency * 1e9:G4} ns, {r.Cost.Area * 1e6:G4} mm²"));
        }
}

// Pareto front over (accuracy ↑, energy ↓): no other point is at least as accurate for at most the energy, and better in one.
bool Dominated((int W, int Adc, int Tile, double Accuracy, CostEstimate Cost) p) => points.Any(q =>
    q.Accuracy >= p.Accuracy && q.Cost.Energy <= p.Cost.Energy && (q.Accuracy > p.Accuracy || q.Cost.Energy < p.Cost.Energy));
var csv = new List<string> { "weight_bits,adc_bits,tile,accuracy,energy_per_inference_j,latency_per_inference_s,area_mm2,adc_energy_j,cell_energy_j,pareto" };
var md = new List<string>();   // Save and Out head it with the smoke-test note under --quick
md.Add(string.Create(inv, $"MLP 784-{hidden}-{hidden}-10, seed {seed}, {epochs} epoch(s), technology {points[0].Cost.Technology}, tiles {points[0].Cost.Schedule.ToString().ToLowerInvariant()}."));
md.AddRange(["", "| weight bits | ADC bits | tile | deployed acc. | energy/inference (nJ) | ADC share | latency (µs) | area (mm²) | Pareto |", "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]);
foreach (var p in points.OrderBy(p => p.Cost.Energy))
{
    var pareto = !Dominated(p);
    var adcEnergy = p.Cost.Layers.Sum(l => l.AdcEnergy);
    csv.Add(string.Create(inv, $"{p.W},{p.Adc},{p.Tile},{p.Accuracy:R},{p.Cost.Energy:R},{p.Cost.Latency:R},{p.Cost.Area * 1e6:R},{adcEnergy:R},{p.Cost.Layers.Sum(l => l.CellEnergy):R},{(pareto ? "true" : "false")}"));
    md.Add(string.Create(inv, $"| {p.W} | {p.Adc} | {p.Tile} | {p.Accuracy * 100:F2} % | {p.Cost.Energy * 1e9:F3} | {adcEnergy / p.Cost.Energy * 100:F0} % | {p.Cost.Latency * 1e6:F3} | {p.Cost.Area * 1e6:F3} | {(pareto ? "**yes**" : "")} |"));
}
Save("design-space.csv", string.Join("\n", csv) + "\n");
var table = string.Join("\n", md) + "\n";
Save("design-space.md", table);
Out.WriteLine(table);
Out.WriteLine("Pareto front (accuracy vs energy): " + string.Join("; ", points.Where(p => !Dominated(p)).OrderBy(p => p.Cost.Energy)
    .Select(p => string.Create(inv, $"W{p.W}/ADC{p.Adc}/tile {p.Tile} {p.Accuracy * 100:F2} % at {p.Cost.Energy * 1e9:F3} nJ"))));
