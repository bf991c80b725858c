// A sweep point for the tests: a tiny float network on made-up data that diverges at a huge learning rate.
var lr = Param("lr", 1e-2);
DataSplit Split(int n)
{
    var x = new float[n * 4];
    var y = new int[n];
    for (var i = 0; i < n; i++) { y[i] = i % 2; x[4 * i] = y[i]; x[4 * i + 1] = 1 - y[i]; x[4 * i + 2] = 0.5f; x[4 * i + 3] = 0.25f; }
    return new DataSplit(x, y, 4, 2);
}
var data = new Dataset("pairs", Split(100), Split(20), []);
var spec = Experiment.Named("pairs").Data(Datasets.Named("pairs", 2, 4)).Network(n => n.Dense(4).Relu().Dense(2))
    .Train(t => t.Float().Sgd(lr).Epochs(2).Batch(10)).Build();
var result = ExperimentRunner.Run(spec, Options with { Data = data });
Out.WriteLine($"accuracy {result.FloatAccuracy}");
