using System.Globalization;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Cli.Bench;

/// <summary>The MLP training tables: float, and hardware-aware 4-bit against the float row of the same run.</summary>
internal sealed partial class BenchRunner
{
    private void TrainTable(MacPool pool, PeerProcess? peer, bool hardwareAware)
    {
        var data = new DatasetStore().Load("mnist", _ => { });
        var dataDir = Path.GetDirectoryName(data.Files[0].Path)!;
        Write("");
        Write($"Float MLP 784-256-256-10, ReLU, Adam 1e-3, batch 100, one MNIST epoch (training only), {pool.Threads} thread(s), samples/s, median of {settings.TrainRounds} interleaved rounds");
        Write("");
        Write("| run | HwDsl | PyTorch | ratio | HwDsl test acc. | PyTorch test acc. |");
        Write("|---|---:|---:|---:|---:|---:|");
        var ours = new List<double>();
        var theirs = new List<double>();
        var ourAccuracy = new List<double>();
        var theirAccuracy = new List<double>();
        for (var r = 0; r < settings.TrainRounds; r++)
        {
            var model = Sequential<float>.Mlp(data.Train.FeatureCount, [256, 256], data.Train.ClassCount, Activation.Relu, seed: r);
            var result = Trainer.Train(model, data, new TrainingOptions(1, 100, new AdamSpec(1e-3), LearningRateSchedule.Constant, r), pool, cancel: cancel);
            cancel.ThrowIfCancellationRequested();
            ours.Add(result.SamplesPerSecond);
            ourAccuracy.Add(result.TestAccuracy);
            if (peer is null) continue;
            var answer = peer.Send(new { cmd = "mlp", data = dataDir, hidden = new[] { 256, 256 }, batch = 100, lr = 1e-3, epochs = 1, seed = r });
            theirs.Add(answer["samples_per_s"]!.GetValue<double>());
            theirAccuracy.Add(answer["test_accuracy"]!.GetValue<double>());
        }
        Row("1 epoch", "", null, ours, theirs, "N0", ourAccuracy, theirAccuracy);
        _ours[("float MLP training", pool.Threads)] = Median(ours);
        if (hardwareAware) HardwareAwareRows(pool, peer, data, dataDir, ours);
    }

    // The same MLP with 4-bit weights on differential pairs (r = 10, a = 0.1, ν = 2) and 4-bit clipped-ReLU activations,
    // trained through the sigmoid relaxation; the peer runs the identical relaxation and level table in PyTorch.
    private void HardwareAwareRows(MacPool pool, PeerProcess? peer, Dataset data, string dataDir, List<double> floatOurs)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        var ourAccuracy = new List<double>();
        var theirAccuracy = new List<double>();
        float[]? levels = null;
        for (var r = 0; r < settings.TrainRounds; r++)
        {
            var spec = Experiment.Named("bench-hw-aware").Seed(r).Data(Datasets.Mnist)
                .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
                .On(Hardware.DifferentialPair().WeightBits(4).ActivationBits(4).OnOffRatio(10).Asymmetry(0.1).NonLinearity(2))
                .Train(t => t.Adam(1e-3).Epochs(1).Batch(100).Schedule(Schedule.Constant).HardwareAware(Relaxation.Sigmoid(2, 50)))
                .Build();
            var network = NetworkCompiler.Compile(spec, data.Train.FeatureCount, data.Train.ClassCount);
            levels ??= network.HardwareLayers.First().Levels.Values.ToArray();
            var trained = Trainer.Train(network, data, ExperimentRunner.ToTrainingOptions(spec), pool, cancel: cancel);
            cancel.ThrowIfCancellationRequested();
            ours.Add(trained.SamplesPerSecond);
            ourAccuracy.Add(trained.TestAccuracy);
            if (peer is null) continue;
            var answer = peer.Send(new { cmd = "hwmlp", data = dataDir, hidden = new[] { 256, 256 }, levels, activation_bits = 4, batch = 100, lr = 1e-3, epochs = 1, beta_from = 50.0, beta_to = 50.0, seed = r });
            theirs.Add(answer["samples_per_s"]!.GetValue<double>());
            theirAccuracy.Add(answer["test_accuracy"]!.GetValue<double>());
        }
        Row("1 epoch, hardware-aware 4-bit", "", null, ours, theirs, "N0", ourAccuracy, theirAccuracy);
        _ours[("hardware-aware training", pool.Threads)] = Median(ours);
        var cost = Median(floatOurs) / Median(ours);
        Write("");
        Write(string.Create(CultureInfo.InvariantCulture, $"Hardware-aware training costs {cost:F2}× our float training per epoch at {pool.Threads} thread(s) (medians above; target ≤ 1.3×)."));
    }
}
