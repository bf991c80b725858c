using System.Diagnostics;
using System.Globalization;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;

namespace HwDsl.Cli.Bench;

/// <summary>Monte-Carlo evaluation over dies: ours (batched, dies in parallel) against PyTorch doing the same batched work.</summary>
internal sealed partial class BenchRunner
{
    // The Borders network (784 → 256 → sign → 10, binary weights) on defective MTJ-like dies; the weights are left as
    // initialised, since speed does not depend on what they learned.
    private const double Shorted = 0.06, Open = Shorted / 5, Variation = 0.05, OnOff = 2.5;

    private void DieTable(MacPool pool, PeerProcess? peer)
    {
        var data = new DatasetStore().Load("mnist", _ => { });
        var dataDir = Path.GetDirectoryName(data.Files[0].Path)!;
        var spec = Experiment.Named("bench-dies").Seed(0).Data(Datasets.Mnist)
            .Network(n => n.Dense(256).Sign().Dense(10))
            .On(Hardware.Binary().OnOffRatio(OnOff).Defects(d => d.Shorted(Dist.Beta(mean: Shorted, sd: Shorted / 2)).Open(Open)).DeviceToDevice(Variation))
            .Build();
        var network = NetworkCompiler.Compile(spec, data.Train.FeatureCount, data.Train.ClassCount);
        var population = Dies.Sample(settings.Dies, seed: 1);
        var shapes = DieSource.Shapes(network);
        var test = data.Test;
        Write("");
        Write($"Monte-Carlo over dies: {settings.Dies} dies × {test.Count:N0} test images, binary 784-256-sign-10 with shorted/open devices and " +
            $"device-to-device variation, dies sampled and evaluated, {pool.Threads} thread(s), seconds, median of {settings.TrainRounds} interleaved rounds");
        Write("");
        Write("| run | HwDsl s | PyTorch s | speed-up | HwDsl images/s |");
        Write("|---|---:|---:|---:|---:|");
        var ours = new List<double>();
        var theirs = new List<double>();
        string? form = null;
        // One untimed pass each: the JIT, the test images' pages, the peer's allocator.
        DieEvaluator.Evaluate(network, Math.Min(2, settings.Dies), i => DieSource.Die(population, spec.Layers, shapes, i), test, pool);
        for (var r = 0; r < settings.TrainRounds; r++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            DieEvaluator.Evaluate(network, settings.Dies, i => DieSource.Die(population, spec.Layers, shapes, i), test, pool);
            ours.Add(clock.Elapsed.TotalSeconds);
            if (peer is null) continue;
            var answer = peer.Send(new { cmd = "dies", data = dataDir, hidden = 256, dies = settings.Dies, shorted = Shorted, shorted_sd = Shorted / 2,
                open = Open, variation = Variation, on_off = OnOff, seed = r, warmup = r == 0 });
            theirs.Add(answer["seconds"]!.GetValue<double>());
            form = answer["form"]?.GetValue<string>();
        }
        var inv = CultureInfo.InvariantCulture;
        var o = Median(ours);
        var t = theirs.Count > 0 ? Median(theirs) : double.NaN;
        var work = $"{settings.Dies} dies × {test.Count:N0} images";
        Write(theirs.Count > 0
            ? string.Create(inv, $"| {work} | {o:F2} | {t:F2} | {t / o:F2}× | {settings.Dies * (double)test.Count / o:N0} |")
            : string.Create(inv, $"| {work} | {o:F2} | – | – | {settings.Dies * (double)test.Count / o:N0} |"));
        _ours[("Monte-Carlo over dies (dies/s)", pool.Threads)] = settings.Dies / o;
        Write("");
        Write($"Targets: ≤ 1.0 s for 36 dies on 2 cores, ≥ 3× the peer.{(form is null ? "" : $" The peer's faster form was {form}.")}");
    }
}
