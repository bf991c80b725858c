// One point of the Obradovic et al. 2018 grid (arXiv 1809.04982), for `hwdsl sweep`: every point is its own run,
// here in parallel processes or as one Slurm array task each, e.g.
//   hwdsl sweep scripts/obradovic2018-point.csx --grid bits=2,4 ratio=10,100 mode=naive,aware seeds=0..2 [--on slurm]
// Trains the MLP 784-256-256-10 (clipped ReLU) as float (mode=float), float then naively mapped (naive), or
// hardware-aware with the sigmoid relaxation (aware, --set beta, beta_to), a straight-through estimator (ste) or the
// relaxation annealed into STE after ste_from epochs (anneal), and evaluates it as deployed. --set range=maxabs|fitted|learned
// picks w_max per layer (learned: hardware-aware modes only, HW0310). scripts/obradovic2018-fashion.csx runs issue 20's ablation.
// The run folder's results.json (Output/runs/...) is the row the sweep merges; the point's parameters are its columns.
var dataset = Param("dataset", "mnist");
var bits = Param("bits", 4);
var activationBits = Param("activation_bits", 4);
var ratio = Param("ratio", 10.0);
var asymmetry = Param("asymmetry", 0.1);
var nonLinearity = Param("nonlinearity", 2.0);
var mode = Param("mode", "aware");
var seed = Param("seed", 0);
var epochs = Quick ? 1 : Param("epochs", 10);
var range = Param("range", "maxabs");
var betaFrom = Param("beta", 2.0);
var betaTo = Param("beta_to", 50.0);
var steFrom = Param("ste_from", 5);   // mode=anneal: relaxed epochs before STE

var experiment = Experiment.Named($"obradovic2018-{dataset}").Seed(seed)
    .Data(dataset switch
    {
        "mnist" => Datasets.Mnist,
        "fashion-mnist" => Datasets.FashionMnist,
        _ => throw new ArgumentException($"--set dataset: '{dataset}' is not one of mnist, fashion-mnist."),
    })
    .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
    .On(Hardware.DifferentialPair().WeightBits(bits).InputBits(activationBits).ActivationBits(activationBits)
        .OnOffRatio(ratio).Asymmetry(asymmetry).NonLinearity(nonLinearity)
        .WeightRange(range switch
        {
            "maxabs" => WeightRange.MaxAbs,
            "fitted" => Rounding.FittedScale,
            "learned" => WeightRange.Learned,
            _ => throw new ArgumentException($"--set range: '{range}' is not one of maxabs, fitted, learned."),
        }))
    .Train(t => t.Adam(1e-3).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(betaFrom, betaTo)));
var spec = mode switch
{
    "float" => experiment.With(t => t.Float()).Build(),
    "naive" => experiment.With(t => t.NaiveMapping()).Build(),
    "aware" => experiment.Build(),
    "ste" => experiment.With(t => t.HardwareAware(Relaxation.Ste)).Build(),
    "anneal" => experiment.With(t => t.HardwareAware(Relaxation.SigmoidThenSte(betaFrom, betaTo, steFrom))).Build(),
    _ => throw new ArgumentException($"--set mode: '{mode}' is not one of float, naive, aware, ste, anneal."),
};
var result = Run(spec);
var line = FormattableString.Invariant($"{dataset} seed {seed} W{bits}/A{activationBits} r={ratio} a={asymmetry} nu={nonLinearity} {mode}: {result.Accuracy:P2}");
Out.WriteLine(line);
System.IO.File.WriteAllText(System.IO.Path.Combine(Output, "summary.txt"), line + "\n"); // for a reader; the sweep merges results.json
