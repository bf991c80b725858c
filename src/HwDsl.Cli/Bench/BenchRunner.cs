using System.Globalization;
using System.Text;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

using HwDsl.Cli.Commands;
using HwDsl.Compiler;

namespace HwDsl.Cli.Bench;

/// <summary>Runs the benchmark tables; ours and the peer alternate round by round so both see the same machine.</summary>
internal sealed class BenchRunner(BenchSettings settings, CancellationToken cancel)
{
    private static readonly GemmCase[] Shapes =
    [
        new("fwd 1: X·W1", 128, 256, 784, GemmLayout.NN),
        new("fwd 2: H1·W2", 128, 256, 256, GemmLayout.NN),
        new("fwd 3: H2·W3", 128, 10, 256, GemmLayout.NN),
        new("dW1: Xᵀ·dZ1", 784, 256, 128, GemmLayout.TN),
        new("dW2: H1ᵀ·dZ2", 256, 256, 128, GemmLayout.TN),
        new("dW3: H2ᵀ·dZ3", 256, 10, 128, GemmLayout.TN),
        new("dH2: dZ3·W3ᵀ", 128, 256, 10, GemmLayout.NT),
        new("dH1: dZ2·W2ᵀ", 128, 256, 256, GemmLayout.NT),
        new("square 1024³", 1024, 1024, 1024, GemmLayout.NN),
    ];

    private readonly StringBuilder _report = new();

    public int Run()
    {
        Write($"# hwdsl bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var line in Commands.DescribeCommand.Lines().Take(3)) Write($"    {line}");
        foreach (var threads in settings.Threads)
        {
            using var pool = TrainCommand.CreatePool(threads);
            using var peer = StartPeer(threads);
            if (peer is not null) Write($"    peer ({threads} thread(s)): torch {peer.Ready["torch"]}, numpy {peer.Ready["numpy"]}, OPENBLAS_CORETYPE={PeerProcess.BestCoreType() ?? "(auto-detect)"}");
            if (settings.Only is "gemm" or "all") GemmTable(pool, peer);
            if (settings.Only is "train" or "all") TrainTable(pool, peer);
            if (settings.Only is "periphery" or "all") PeripheryBench.Table(pool, settings.TrainRounds, Write, cancel);
        }
        if (settings.Markdown is { } path) File.WriteAllText(path, _report.ToString());
        return 0;
    }

    private PeerProcess? StartPeer(int threads)
    {
        if (settings.Peer == "none") return null;
        try
        {
            return PeerProcess.Start(settings.Python, settings.PeerScript, threads);
        }
        catch (UserInputException e) when (settings.Peer == "auto")
        {
            Write($"    (no peer: {e.Message})");
            return null;
        }
    }

    private void GemmTable(MacPool pool, PeerProcess? peer)
    {
        Write("");
        Write($"GEMM, {pool.Threads} thread(s), GFLOP/s, median of {settings.Rounds} interleaved rounds of {settings.Seconds} s");
        Write("");
        Write("| product | m×n×k | layout | HwDsl | OpenBLAS | ratio |");
        Write("|---|---|---|---:|---:|---:|");
        foreach (var shape in Shapes)
        {
            var ours = new List<double>();
            var theirs = new List<double>();
            for (var r = 0; r < settings.Rounds; r++)
            {
                cancel.ThrowIfCancellationRequested();
                ours.Add(GemmBenchmark.MeasureGflops(shape.M, shape.N, shape.K, shape.Layout, pool, TimeSpan.FromSeconds(settings.Seconds)));
                if (peer is not null)
                    theirs.Add(peer.Send(new { cmd = "gemm", m = shape.M, n = shape.N, k = shape.K, layout = shape.Layout.ToString(), seconds = settings.Seconds })["gflops"]!.GetValue<double>());
            }
            Row(shape.Name, $"{shape.M}×{shape.N}×{shape.K}", shape.Layout.ToString(), ours, theirs, "F1");
        }
    }

    private void TrainTable(MacPool pool, PeerProcess? peer)
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
        HardwareAwareRows(pool, peer, data, dataDir, ours);
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
        var cost = Median(floatOurs) / Median(ours);
        Write("");
        Write(string.Create(CultureInfo.InvariantCulture, $"Hardware-aware training costs {cost:F2}× our float training per epoch (medians above; target ≤ 1.5×)."));
    }

    private void Row(string name, string shape, string? layout, List<double> ours, List<double> theirs, string format,
        List<double>? ourAccuracy = null, List<double>? theirAccuracy = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = Median(ours);
        var t = theirs.Count > 0 ? Median(theirs) : double.NaN;
        var ratio = theirs.Count > 0 ? (o / t).ToString("F2", inv) + "×" : "–";
        var peerText = theirs.Count > 0 ? t.ToString(format, inv) : "–";
        var cells = layout is null
            ? $"| {name} | {o.ToString(format, inv)} | {peerText} | {ratio} | {Accuracy(ourAccuracy)} | {Accuracy(theirAccuracy)} |"
            : $"| {name} | {shape} | {layout} | {o.ToString(format, inv)} | {peerText} | {ratio} |";
        Write(cells);
    }

    private static string Accuracy(List<double>? values) => values is { Count: > 0 } ? values.Average().ToString("P2", CultureInfo.InvariantCulture) : "–";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private void Write(string line)
    {
        Console.WriteLine(line);
        _report.AppendLine(line);
    }

    private sealed record GemmCase(string Name, int M, int N, int K, GemmLayout Layout);
}
