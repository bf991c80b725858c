using System.Globalization;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Cli.Bench;

/// <summary>Core-network training speed: the 20-core network of the Yepes experiment; no peer (PyTorch has no such model).</summary>
internal sealed partial class BenchRunner
{
    private void CoreTable(MacPool pool)
    {
        var data = new DatasetStore().Load("mnist", _ => { });
        Write("");
        Write($"Core-network training: 20 cores (16 window cores of 64 neurons, 4 output cores of 250), learned binary crossbars, Adam 1e-2, " +
            $"batch 100, one MNIST epoch (training only), {pool.Threads} thread(s), samples/s, median of {settings.TrainRounds} rounds");
        Write("");
        Write("| run | HwDsl | test acc. |");
        Write("|---|---:|---:|");
        var ours = new List<double>();
        var accuracy = new List<double>();
        for (var r = 0; r < settings.TrainRounds; r++)
        {
            cancel.ThrowIfCancellationRequested();
            var spec = TwentyCores(r);
            var network = new CoreNetwork(spec.Network, spec.Training, r);
            var options = new TrainingOptions(1, spec.Training.Batch, new AdamSpec(spec.Training.LearningRate), LearningRateSchedule.Constant, r)
            {
                Shift = new RandomShift(spec.Network.Width, spec.Network.Height, spec.Training.Shift),
            };
            var result = Trainer.Train(network, data, options, pool, cancel: cancel);
            cancel.ThrowIfCancellationRequested();
            ours.Add(result.SamplesPerSecond);
            accuracy.Add(result.TestAccuracy);
        }
        var inv = CultureInfo.InvariantCulture;
        Write(string.Create(inv, $"| 1 epoch | {Median(ours):N0} | {accuracy.Average():P2} |"));
        _ours[("core-network training", pool.Threads)] = Median(ours);
        Write("");
        Write("Target: ≥ 10,000 samples/s on 2 threads.");
    }

    // The larger network of scripts/yepes2016.csx with 4 groups: every group is a 2×2 grid of 16×16 windows at its own
    // offset (4 cores of 64) feeding one core of 250; the output cores are read out jointly, with one-pixel random shifts.
    private static CoreExperimentSpec TwentyCores(int seed)
    {
        (int X, int Y)[] offsets = [(0, 0), (4, 4), (2, 2), (0, 4)];
        return Cores.Experiment("bench-cores").Seed(seed).Data(Datasets.Mnist)
            .Network(n =>
            {
                foreach (var (ox, oy) in offsets)
                    foreach (var y in new[] { oy, 12 - oy })
                        foreach (var x in new[] { ox, 12 - ox })
                            n.Window(x, y, 16);
                n.Layer(64).Layer(250, fanIn: 4).Readout(perClass: 25 * offsets.Length);
            })
            .Train(t => t.LearnedBinary().Adam(1e-2).Epochs(1).Batch(100).Smoothing(4).Shift(1))
            .Build();
    }
}
