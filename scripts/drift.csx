// Drift and its compensation (issue 14): a 4-bit MNIST MLP (784-256-256-10, clipped ReLU, 4-bit inputs and activations)
// on PCM (the pcm plugin, preset nandakumar2019: programming noise, 1/f read noise, power-law drift with ν per cell),
// trained in float and mapped naively, trained hardware-aware, and trained noise-aware (the device's programming and read
// noise injected per mini-batch). Each deployed sample is programmed once and read 1 s, 1 h, 1 day and 1 year later
// (its own read noise each time), without and with global drift compensation (one scalar per tile from the all-ones read
// right after programming). ADC: 8 bits, range calibrated right after programming.
//   dotnet run --project src/HwDsl.Cli -c Release -- run scripts/drift.csx [--quick] [--set epochs=3] [--set hidden=256]
//       [--set samples=5] [--set seed=0]
// Writes drift.csv and drift.md.
using System.Globalization;

var inv = CultureInfo.InvariantCulture;
var epochs = Param("epochs", Quick ? 1 : 3);
var hidden = Param("hidden", Quick ? 64 : 256);
var samples = Param("samples", Quick ? 2 : 5);
var seed = Param("seed", 0);
var learningRate = Param("lr", Quick ? 3e-3 : 1e-3);
if (epochs < 1 || hidden < 1 || samples < 1) throw new ArgumentException($"--set epochs, hidden and samples must be at least 1; got {epochs}, {hidden}, {samples}.");

var catalog = Options.Devices ?? DeviceCatalog.Default;
if (!catalog.TryResolve("pcm", out _))
    throw new ArgumentException($"device pcm not loaded; known devices: {string.Join(", ", catalog.Names)}. "
        + "Build the plugins (dotnet build src/HwDsl.Cli -c Release puts them in plugins/ beside hwdsl) or pass --plugins DIR.");

var hw = Hardware.DifferentialPair("pcm", "nandakumar2019").WeightBits(4).InputBits(4).ActivationBits(4).Adc(8, AdcRange.Calibrated(99.9));
var times = new[] { TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(365) };
string[] labels = ["1 s", "1 h", "1 day", "1 year"];
ExperimentBuilder Exp(string name, bool overTime) => Experiment.Named(name).Seed(seed).Data(Datasets.Mnist)
    .Network(n => n.Dense(hidden).ClippedRelu().Dense(hidden).ClippedRelu().Dense(10))
    .On(hw)
    .Train(t => t.Adam(learningRate).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)))
    .Evaluate(e => { if (overTime) e.Deployed(samples).OverTime(times[0], times[1], times[2], times[3]); });

// Float mode evaluates once, in float (OverTime is refused there, HW0821); its weights are then read over time naively.
var floatSpec = Exp("drift-float", overTime: false).With(t => t.Float()).Build();
var floatResult = ExperimentRunner.Run(floatSpec, OptionsFor(floatSpec), out var floatNetwork);
Cancel.ThrowIfCancellationRequested();
var naiveSpec = Exp("drift-naive", overTime: true).With(t => t.NaiveMapping()).Build();
var results = new List<(string Label, ExperimentResult Result)> { ("naive (float-trained)", ExperimentRunner.Transfer(naiveSpec, floatNetwork, floatResult.Training, OptionsFor(naiveSpec))) };
Cancel.ThrowIfCancellationRequested();
results.Add(("hw-aware", Run(Exp("drift-hw-aware", overTime: true).Build())));
Cancel.ThrowIfCancellationRequested();
results.Add(("noise-aware", Run(Exp("drift-noise-aware", overTime: true).With(t => t.NoiseAware(Relaxation.Sigmoid(beta: 2, to: 50))).Build())));

var csv = new List<string> { "weights,seconds,compensated,mean,sd,samples" };
var table = new List<string> { "| weights | compensation | " + string.Join(" | ", labels) + " | 1 day − 1 s (pp) |", "|---|---|" + string.Concat(labels.Select(_ => "---:|")) + "---:|" };
foreach (var (label, r) in results)
    foreach (var compensated in new[] { false, true })
    {
        var reads = r.OverTime.Where(t => t.Compensated == compensated).ToList();
        foreach (var t in reads) csv.Add(string.Create(inv, $"{label},{t.Seconds:R},{compensated},{t.Mean:R},{t.Sd:R},{t.Accuracies.Count}"));
        var cells = reads.Select(t => string.Create(inv, $"{t.Mean * 100:F2} ± {t.Sd * 100:F2}"));
        table.Add(string.Create(inv, $"| {label} | {(compensated ? "global" : "none")} | {string.Join(" | ", cells)} | {(reads[2].Mean - reads[0].Mean) * 100:+0.00;-0.00;0.00} |"));
    }
Save("drift.csv", string.Join("\n", csv) + "\n");
var settings = string.Create(inv,
    $"MNIST{(Quick ? " (quick subset)" : "")}, MLP 784-{hidden}-{hidden}-10 on pcm/nandakumar2019, 4-bit weights/inputs/activations, 8-bit calibrated ADC, {epochs} epoch(s), Adam {learningRate:G3} cosine, batch 100, seed {seed}; float accuracy {floatResult.FloatAccuracy * 100:F2} %; mean ± sd over {samples} programmed sample(s), each read at every time.");
var text = settings + "\n\n" + string.Join("\n", table) + "\n";
Save("drift.md", text);
Out.WriteLine();
Out.Write(text);
if (Quick) Out.WriteLine("--quick checks that programming once and reading over time works; one short epoch is far below the full run's accuracy.");
Out.WriteLine($"written to {Path.Combine(Output, "drift.md")} and drift.csv");
