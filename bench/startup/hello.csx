// Start-up probe: builds one spec and prints its first line; no data, no training.
var spec = Experiment.Named("startup").Data(Datasets.Mnist).Network(n => n.Dense(32).Relu().Dense(10))
    .On(Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10)).Build();
Console.WriteLine(spec.DebugView().Split('\n')[0]);
