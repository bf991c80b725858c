using System.Diagnostics;
using System.Globalization;
using HwDsl.Autodiff;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Cli.Bench;

/// <summary>
/// What the analog periphery costs a deployed evaluation (issue 14): the 4-bit MLP 784-256-256-10 programmed and evaluated
/// on the MNIST test set as deployed, plain, with an 8-bit calibrated ADC plus output and conductance read noise per MVM,
/// and with IR drop; interleaved rounds, medians, ratios against the plain evaluation of the same run (targets ≤ 1.3× and
/// ≤ 2×). The weights are the untrained initialisation: the cost does not depend on them.
/// </summary>
internal static class PeripheryBench
{
    private static readonly (string Name, Func<HardwareBuilder, HardwareBuilder> Periphery, string Target)[] Variants =
    [
        ("deployed, ideal periphery", h => h, "–"),
        ("+ 8-bit ADC (calibrated), output and read noise per MVM", h => h.Adc(8, AdcRange.Calibrated(99.9)).OutputNoise(0.04).ReadNoisePerMvm(0.02), "≤ 1.3×"),
        ("+ 8-bit ADC (calibrated) alone", h => h.Adc(8, AdcRange.Calibrated(99.9)), "–"),
        ("+ output noise alone", h => h.OutputNoise(0.04), "–"),
        ("+ read noise per MVM alone", h => h.ReadNoisePerMvm(0.02), "–"),
        ("+ IR drop (r·Gmax = 1e-4)", h => h.IrDrop(1e-4), "≤ 2×"),
    ];

    internal static void Table(MacPool pool, int rounds, Action<string> write, CancellationToken cancel)
    {
        var data = new DatasetStore().Load("mnist", _ => { });
        var networks = Variants.Select(v => Network(v.Periphery, data)).ToArray();
        var times = Variants.Select(_ => new List<double>()).ToArray();
        var tape = new Tape<float>(pool);
        for (var r = 0; r < rounds; r++)
            for (var v = 0; v < Variants.Length; v++)
            {
                cancel.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                networks[v].Deploy(seed: r, sample: 0, noise: networks[v].IsNoisy);
                networks[v].Phase = NetworkPhase.Deployed;
                Evaluation.Run(networks[v], data.Test, tape);
                times[v].Add(clock.Elapsed.TotalMilliseconds);
            }
        var inv = CultureInfo.InvariantCulture;
        write("");
        write($"Deployed evaluation (programming + the 10000 MNIST test images) of the 4-bit MLP 784-256-256-10 on 512×512 tiles, {pool.Threads} thread(s), median of {rounds} interleaved rounds");
        write("");
        write("| periphery | ms | ratio to ideal periphery | target |");
        write("|---|---:|---:|---:|");
        var baseline = Median(times[0]);
        for (var v = 0; v < Variants.Length; v++)
            write(string.Create(inv, $"| {Variants[v].Name} | {Median(times[v]):F1} | {Median(times[v]) / baseline:F2}× | {Variants[v].Target} |"));
    }

    private static CompiledNetwork Network(Func<HardwareBuilder, HardwareBuilder> periphery, Dataset data)
    {
        var spec = Experiment.Named("bench-periphery").Seed(0).Data(Datasets.Mnist)
            .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
            .On(periphery(Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10)))
            .Train(t => t.NaiveMapping())
            .Build();
        var network = NetworkCompiler.Compile(spec, data.Train.FeatureCount, data.Train.ClassCount);
        network.Calibration = new DataSplit(data.Train.Features[..(1000 * data.Train.FeatureCount)], data.Train.Labels[..1000], data.Train.FeatureCount, data.Train.ClassCount);
        return network;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
