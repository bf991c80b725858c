using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests;

/// <summary>A small two-layer network (12 → 16 → 4) on a 4-bit differential pair, for the periphery stages' tests.</summary>
internal static class PeripheryNet
{
    internal const int Features = 12, Classes = 4;

    internal static ExperimentSpec Spec(Func<HardwareBuilder, HardwareBuilder>? hw = null, Action<TrainingBuilder>? train = null,
        Action<EvaluationBuilder>? evaluate = null, int tileRows = 64, int tileColumns = 64)
    {
        var h = Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10).TileSize(tileRows, tileColumns);
        if (hw is not null) h = hw(h);
        var e = Experiment.Named("periphery").Seed(4).Data(Datasets.Named("synthetic", classes: Classes, inputSize: Features))
            .Network(n => n.Dense(16).ClippedRelu().Dense(Classes)).On(h).Train(train ?? (t => t.NaiveMapping()));
        if (evaluate is not null) e = e.Evaluate(evaluate);
        return e.Build();
    }

    /// <summary>Inputs uniform in [0, scale), row-major rows × 12.</summary>
    internal static float[] Inputs(int rows, int seed = 99, float scale = 1)
    {
        var rng = new SeededRandom((ulong)seed);
        var x = new float[rows * Features];
        for (var i = 0; i < x.Length; i++) x[i] = scale * (float)rng.NextDouble();
        return x;
    }

    internal static DataSplit Calibration(int rows = 200) => new(Inputs(rows, seed: 5), new int[rows], Features, Classes);

    internal static CompiledNetwork Compile(ExperimentSpec spec, DeviceCatalog? catalog = null)
    {
        var net = NetworkCompiler.Compile(spec, Features, Classes, catalog);
        net.Calibration = Calibration();
        return net;
    }

    /// <summary>The first layer's outputs in the network's current phase (Deployed unless told).</summary>
    internal static float[] Layer0(CompiledNetwork net, float[] x, NetworkPhase phase = NetworkPhase.Deployed)
    {
        net.Phase = phase;
        var tape = new Tape<float>(new MacPool(1)) { Recording = false };
        return net.HardwareLayers.First().Forward(tape, tape.Input(x, x.Length / Features, Features)).Values.ToArray();
    }

    /// <summary>Compiles, deploys sample <paramref name="sample"/> (seed 7) and returns the first layer's outputs.</summary>
    internal static float[] Deployed(ExperimentSpec spec, float[] x, int sample = 0, DeviceCatalog? catalog = null)
    {
        var net = Compile(spec, catalog);
        net.Deploy(seed: 7, sample, net.IsNoisy);
        return Layer0(net, x);
    }

    /// <summary>(y − b)/s per output: the column current in units of Gmax × full-scale input.</summary>
    internal static double[] Currents(float[] y, float[] bias, double scale) =>
        [.. y.Select((v, k) => (v - bias[k % bias.Length]) / scale)];

    internal static double Rms(IReadOnlyList<float> a, IReadOnlyList<float> b) =>
        Math.Sqrt(Enumerable.Range(0, a.Count).Average(i => (a[i] - b[i]) * (double)(a[i] - b[i])));

    internal static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
