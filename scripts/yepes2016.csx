// Jimeno Yepes & Tang 2016 (arXiv 1605.07740) on TrueNorth-like cores: the probabilistic baseline (Esser et al. 2015:
// trained connection probabilities, sampled binary crossbars, ensembles of samples) against learning the binary
// crossbar directly (shadow weights binarized at 0.5, straight-through gradient, ensembles of independently trained
// networks), one tick; then a larger network. Every accuracy is the deployed integer model; the energy proxy per image
// is cores used, neuron spikes, synaptic events and axon spikes, summed over ensemble members.
//   hwdsl run scripts/yepes2016.csx [--quick] [--set epochs=15] [--set ensembles=1,2,4,8,16,64] [--set learned=4]
//                                   [--set largeEpochs=15] [--set groups=8] [--set shift=1] [--set largeMembers=2]
//                                   [--set seed=0]
//                                   [--set parts=baseline,learned,large]
// Writes yepes2016.csv after every experiment and yepes2016.md at the end.
using System.Globalization;

var epochs = Quick ? 1 : Param("epochs", 15);
var ensembles = Param("ensembles", Quick ? new[] { 1, 2 } : new[] { 1, 2, 4, 8, 16, 64 });
var learned = Param("learned", Quick ? 2 : 4);            // independently trained learned-binary networks (each a full training)
var largeEpochs = Quick ? 1 : Param("largeEpochs", 15);
var seed = Param("seed", 0);
var groups = Param("groups", Quick ? 2 : 8);              // sub-networks of the larger network
var shift = Param("shift", Quick ? 0 : 1);               // random training shifts of the larger network, pixels
var largeMembers = Param("largeMembers", Quick ? 1 : 2);  // independently trained larger networks
var parts = Param("parts", new[] { "baseline", "learned", "large" });
(int, int)[] Shifts = [(0, 0), (4, 4), (2, 2), (0, 4), (4, 0), (2, 0), (0, 2), (4, 2)];
if (epochs < 1 || largeEpochs < 1) throw new ArgumentException($"--set epochs and largeEpochs must be at least 1; got {epochs}, {largeEpochs}.");
if (learned < 1 || largeMembers < 1) throw new ArgumentException($"--set learned and largeMembers must be at least 1; got {learned}, {largeMembers}.");
if (parts.Except(new[] { "baseline", "learned", "large" }).FirstOrDefault() is { } part)
    throw new ArgumentException($"--set parts takes baseline, learned and large; got '{part}'.");
if (groups is < 1 or > 8) throw new ArgumentException($"--set groups must be in 1..8 (window grids available); got {groups}.");

// 784 pixels → four 16×16 windows (stride 12) → four cores of 64 neurons → one core of 250 neurons, 25 per class.
CoreExperimentBuilder Small(string name) => Cores.Experiment(name).Seed(seed).Data(Datasets.Mnist)
    .Network(n => n.Windows(16, stride: 12).Layer(64).Layer(250, fanIn: 4).Readout(perClass: 25));

var experiments = new List<(string Label, CoreExperimentSpec Spec)>
{
    ("baseline (sampled probabilities)", Small("yepes2016-baseline")
        .Train(t => t.Probabilistic().Adam(1e-2).Epochs(epochs).Batch(100).Smoothing(1)).Ensembles(ensembles).Build()),
    ("learned binary crossbar", Small("yepes2016-learned")
        .Train(t => t.LearnedBinary().Adam(1e-2).Epochs(epochs).Batch(100).Smoothing(4))
        .Ensembles([.. ensembles.Where(k => k <= learned)]).Build()),
    // Larger: `groups` copies of the small topology on shifted 2×2 grids of 16×16 windows, so every output core sees the
    // whole digit, read out jointly (every output core gives every class 25 neurons): 5 × groups cores.
    ("learned binary, larger network", Cores.Experiment("yepes2016-large").Seed(seed).Data(Datasets.Mnist)
        .Network(n =>
        {
            foreach (var (ox, oy) in Shifts.Take(groups))
                foreach (var y in new[] { oy, 12 - oy })
                    foreach (var x in new[] { ox, 12 - ox })
                        n.Window(x, y, 16);
            n.Layer(64).Layer(250, fanIn: 4).Readout(perClass: 25 * groups);
        })
        .Train(t => t.LearnedBinary().Adam(1e-2).Epochs(largeEpochs).Batch(100).Smoothing(4).Shift(shift))
        .Ensembles([.. Enumerable.Range(1, largeMembers)]).Build()),
};
experiments = [.. experiments.Where(e => parts.Contains(e.Spec.Name.Replace("yepes2016-", "")))];

var inv = CultureInfo.InvariantCulture;
var rows = new List<(string Label, CoreExperimentResult Result, CoreEnsembleResult Row)>();
var options = Options with { Data = Data(Datasets.Mnist) };
foreach (var (label, spec) in experiments)
{
    var result = CoreExperimentRunner.Run(spec, options);
    Cancel.ThrowIfCancellationRequested();
    foreach (var r in result.Ensembles) rows.Add((label, result, r));
    Out.WriteLine(string.Create(inv, $"{label}: one network {result.SingleMean:P2} ± {result.SingleSd:P2} over {result.Single.Count} deployed; training graph {result.TrainedModelAccuracy:P2}"));
    Save("yepes2016.csv", RunFolder.Csv(["experiment", "method", "epochs", "ensemble", "accuracy", "cores", "neuron_spikes_per_image", "synaptic_events_per_image", "axon_spikes_per_image", "energy_per_image_j"],
        rows.Select(x => (IReadOnlyList<object?>)[x.Label, x.Result.Method, x.Label.Contains("larger") ? largeEpochs : epochs, x.Row.Size, x.Row.Accuracy, x.Row.Cores,
            x.Row.NeuronSpikesPerImage, x.Row.SynapticEventsPerImage, x.Row.AxonSpikesPerImage, x.Row.EnergyPerImage])));
}

var lines = new List<string>
{
    string.Create(inv, $"MNIST test set{(Quick ? " (quick subset)" : "")}, one tick, deployed integer cores; {epochs} epochs (larger network: {groups} groups, {largeEpochs} epochs, shift {shift}, {largeMembers} member(s)); seed {seed}."),
    "",
    "| experiment | ensemble | accuracy | cores | neuron spikes / image | synaptic events / image | axon spikes / image | energy / image (nJ, TrueNorth) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
};
foreach (var (label, _, r) in rows)
    lines.Add(string.Create(inv, $"| {label} | {r.Size} | {r.Accuracy * 100:F2} % | {r.Cores} | {r.NeuronSpikesPerImage:F0} | {r.SynapticEventsPerImage:F0} | {r.AxonSpikesPerImage:F0} | {r.EnergyPerImage * 1e9:F1} |"));
var table = string.Join("\n", lines) + "\n";
Out.WriteLine();
Out.Write(table);
Save("yepes2016.md", table);
