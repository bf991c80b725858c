// Quickstart: does 4-bit hardware cost accuracy, and does hardware-aware training win it back?
// Trains a float MLP and a 4-bit hardware-aware MLP on MNIST, deploys the float weights naively on the same
// hardware, and prints the three side by side (about a minute; --quick takes seconds on a subset).
//   dotnet run --project src/HwDsl.Cli -c Release -- run scripts/quickstart.csx [--quick] [--set epochs=5] [--set bits=4]

var epochs = Quick ? 1 : Param("epochs", 4);
var bits = Param("bits", 4);
var seed = Param("seed", 0);

// 4-bit weights and activations on differential pairs of a non-ideal device: on/off ratio 10, 10 % asymmetry.
var hw = Hardware.DifferentialPair()
    .WeightBits(bits).InputBits(bits).ActivationBits(bits)
    .OnOffRatio(10).Asymmetry(0.10).NonLinearity(2.0);

var exp = Experiment.Named("quickstart").Seed(seed).Data(Datasets.Mnist)
    .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
    .On(hw)
    .Train(t => t.Adam(1e-3).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine)
                 .HardwareAware(Relaxation.Sigmoid(beta: 2, to: 50)));

var floatSpec = exp.WithName("quickstart-float").With(t => t.Float()).Build();
var floatResult = ExperimentRunner.Run(floatSpec, OptionsFor(floatSpec), out var floatNetwork);
Cancel.ThrowIfCancellationRequested();
var naiveSpec = exp.WithName("quickstart-naive").With(t => t.NaiveMapping()).Build();
var naive = ExperimentRunner.Transfer(naiveSpec, floatNetwork, floatResult.Training, OptionsFor(naiveSpec));
var aware = Run(exp.WithName("quickstart-hw-aware").Build());

var table = ResultTable.Markdown([floatResult, naive, aware]);
Save("quickstart.md", table);
Out.WriteLine();
Out.WriteLine($"MNIST, {epochs} epoch(s), {bits}-bit weights and activations, on/off ratio 10, asymmetry 0.1, non-linearity 2:");
Out.Write(table);
Out.WriteLine($"written to {Path.Combine(Output, "quickstart.md")}");
