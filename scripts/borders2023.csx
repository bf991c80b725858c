// Borders et al. 2023 (arXiv 2312.06446, NIST): a two-layer binary network on MNIST over 36 simulated MTJ dies with
// shorted and open devices and device-to-device variation. Naive (defect-free) training vs per-die hardware-aware
// training vs statistics-aware training (a fresh die per mini-batch), all evaluated on dies never seen in training.
//   hwdsl run scripts/borders2023.csx [--quick] [--set epochs=10] [--set hidden=256] [--set lr=0.001] [--set batch=100]
//                                     [--set dies=36] [--set shorted=0.06] [--set variation=0.05]
// --quick (seconds): 3,000/1,000 images, a smaller network trained harder, stronger defects, 4 dies.
var epochs = Param("epochs", Quick ? 3 : 10);
var hidden = Param("hidden", Quick ? 64 : 256);
var lr = Param("lr", Quick ? 1e-2 : 1e-3);
var batch = Param("batch", Quick ? 50 : 100);
var dieCount = Param("dies", Quick ? 4 : 36);
var shorted = Param("shorted", Quick ? 0.15 : 0.06);   // mean per-die rate of shorted devices; opens are a fifth of it
var variation = Param("variation", 0.05);              // device-to-device sigma of a working device's conductance

// The MTJ plugin when it is installed; otherwise the generic device with an MTJ-like TMR of 150 % (Gmax/Gmin = 2.5).
var mtj = (Options.Devices ?? DeviceCatalog.Default).Names.Contains("mtj") ? Hardware.Binary(device: "mtj") : Hardware.Binary().OnOffRatio(2.5);
var hw = mtj.Defects(d => d.Shorted(Dist.Beta(mean: shorted, sd: shorted / 2)).Open(shorted / 5)).DeviceToDevice(variation);

var exp = Experiment.Named("borders2023").Seed(0).Data(Datasets.Mnist)
    .Network(n => n.Dense(hidden).Sign().Dense(10))
    .On(hw)
    .Train(t => t.Adam(lr).Epochs(epochs).Batch(batch));
var dies = Dies.Sample(dieCount, seed: 1);        // evaluation dies; statistics-aware training draws its own

var quickOptions = !Quick ? Options : Options with { Data = Options.LoadData("mnist").Take(train: 3000, test: 1000) };
Func<ExperimentSpec, ExperimentResult> run = Quick ? spec => ExperimentRunner.Run(spec, quickOptions) : Run;
var comparison = DieComparison.Run(exp, dies, perDie: Quick ? [0] : [0, 1, 2], run, log: Out.WriteLine);

var table = comparison.Markdown();
Out.WriteLine();
Out.Write(table);
Out.WriteLine($"\nstatistics-aware over the dies:\n{comparison["statistics-aware"].Errors.HistogramText()}");
File.WriteAllText(System.IO.Path.Combine(Output, "borders2023.md"), table);
