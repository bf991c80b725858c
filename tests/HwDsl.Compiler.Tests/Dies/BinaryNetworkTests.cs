using HwDsl.Autodiff;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler.Tests;

/// <summary>The binary layer on dies: deployed numbers follow the die, stuck weights do not train, and everything replays bit for bit.</summary>
public sealed class BinaryNetworkTests
{
    private const int Features = 24, Classes = 3;

    internal static Dataset Blobs(int train = 600, int test = 300)
    {
        var rng = new SeededRandom(21);
        var centres = Enumerable.Range(0, Classes).Select(_ => Enumerable.Range(0, Features).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        DataSplit Split(int n)
        {
            var x = new float[n * Features];
            var y = new int[n];
            for (var i = 0; i < n; i++)
            {
                y[i] = rng.NextInt(Classes);
                for (var f = 0; f < Features; f++) x[i * Features + f] = (float)Math.Clamp(centres[y[i]][f] + 0.3 * rng.NextNormal(), 0, 1);
            }
            return new DataSplit(x, y, Features, Classes);
        }
        return new Dataset("blobs", Split(train), Split(test), []);
    }

    private static ExperimentBuilder Bnn(HardwareBuilder hw) =>
        Experiment.Named("bnn").Seed(2).Data(Datasets.Named("blobs", Classes, Features)).Network(n => n.Dense(16).Sign().Dense(Classes)).On(hw)
            .Train(t => t.Adam(1e-2).Epochs(3).Batch(20));

    private static HardwareBuilder Defective() => Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Shorted(Dist.Beta(0.15, 0.05)).Open(0.05)).DeviceToDevice(0.05);

    private static float[] Outputs(CompiledNetwork net, DataSplit split, MacPool pool)
    {
        var tape = new Tape<float>(pool) { Recording = false };
        return net.Forward(tape, tape.Input(split.Features, split.Count, Features)).Values.ToArray();
    }

    [Fact]
    public void A_die_with_zero_rates_deploys_exactly_the_ideal_binary_network()
    {
        var spec = Bnn(Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Open(0).Shorted(0)).DeviceToDevice(0)).Build();
        var net = NetworkCompiler.Compile(spec, Features, Classes);
        var data = Blobs(10, 50);
        net.Phase = NetworkPhase.Float;
        var ideal = Outputs(net, data.Test, new MacPool(1));
        var die = DieSampler.Sample(spec.Layers, DieSource.Shapes(net), 1, DieSampler.Evaluation, 0);
        foreach (var l in net.BinaryLayers) l.SetDeployedDie(die.For(l.Hardware.Index));
        net.Phase = NetworkPhase.Deployed;
        Assert.Equal(ideal, Outputs(net, data.Test, new MacPool(1)));
    }

    [Fact]
    public void Deployed_weights_follow_each_device_state()
    {
        var spec = Bnn(Defective()).Build();
        var net = NetworkCompiler.Compile(spec, Features, Classes);
        var layer = net.BinaryLayers.First();
        var a = layer.Scale.Values[0];
        var die = new ArrayDefects(0, Features, 16, 1);
        (die.States[0], die.Values[0]) = (DeviceState.Open, 0);
        (die.States[1], die.Values[1]) = (DeviceState.Short, 1);
        (die.States[2], die.Values[2]) = (DeviceState.Ok, 1.2f);
        layer.SetDeployedDie(die);
        var w = layer.DeployedWeights();
        float S(int i) => layer.Weights.Values[i] >= 0 ? 1 : -1;
        Assert.Equal(-a, w[0], 6);                                   // open: Gmin → −1 whatever the weight
        Assert.Equal(a, w[1], 6);                                    // short: Gmax → +1
        Assert.Equal(a * (S(2) > 0 ? (1.2 - 0.7) / 0.3 : (1.2 * 0.4 - 0.7) / 0.3), w[2], 5);
        for (var i = 3; i < w.Length; i++) Assert.Equal(a * S(i), w[i]);
    }

    [Fact]
    public void Per_die_training_leaves_stuck_weights_untouched()
    {
        var spec = Bnn(Defective()).Train(t => t.PerDie(1)).Evaluate(e => e.OnDies(Dies.Sample(4, seed: 5))).Build();
        var net = NetworkCompiler.Compile(spec, Features, Classes);
        var before = net.BinaryLayers.Select(l => l.Weights.Values.ToArray()).ToList();
        Trainer.Train(net, Blobs(), ExperimentRunner.ToTrainingOptions(spec), new MacPool(1));
        var die = DieSource.Die(spec.Evaluation.Dies!, spec.Layers, DieSource.Shapes(net), 1);
        int stuck = 0, moved = 0;
        foreach (var (layer, initial) in net.BinaryLayers.Zip(before))
        {
            var map = die.For(layer.Hardware.Index)!;
            for (var i = 0; i < initial.Length; i++)
            {
                if (map.States[i] != DeviceState.Ok) { stuck++; Assert.Equal(initial[i], layer.Weights.Values[i]); }
                else if (initial[i] != layer.Weights.Values[i]) moved++;
            }
        }
        Assert.True(stuck > 10, $"{stuck} stuck devices");
        Assert.True(moved > 100, $"{moved} working weights moved");
    }

    [Fact]
    public void Exported_dies_load_back_and_evaluate_identically()
    {
        var dir = Directory.CreateTempSubdirectory("hwdsl-dies-").FullName;
        try
        {
            var sampled = Dies.Sample(3, seed: 8);
            var spec = Bnn(Defective()).Train(t => t.NaiveMapping()).Evaluate(e => e.OnDies(sampled)).Build();
            var net = NetworkCompiler.Compile(spec, Features, Classes);
            var files = DieMapFile.Export(spec, net, sampled, dir);
            var loaded = Dies.Load(Path.Combine(dir, "*.csv"));
            Assert.Equal(files, loaded.Files);
            var data = Blobs(10, 200);
            var shapes = DieSource.Shapes(net);
            using var pool = new MacPool(1);
            var a = DieEvaluator.Evaluate(net, 3, i => DieSource.Die(sampled, spec.Layers, shapes, i), data.Test, pool);
            var b = DieEvaluator.Evaluate(net, 3, i => DieSource.Die(loaded, spec.Layers, shapes, i), data.Test, pool);
            Assert.Equal(a, b);
            Assert.Equal(3, Bnn(Defective()).Train(t => t.PerDie(2)).Evaluate(e => e.OnDies(loaded)).Build().Evaluation.Dies!.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Training_and_evaluation_over_dies_replay_bit_for_bit_on_1_and_2_threads()
    {
        var spec = Bnn(Defective()).Train(t => t.StatisticsAware(everyBatches: 2)).Evaluate(e => e.OnDies(Dies.Sample(6, seed: 3))).Build();
        var data = Blobs();
        (float[] Weights, IReadOnlyList<double> Accuracy) Run(int threads)
        {
            using var pool = new MacPool(threads);
            var net = NetworkCompiler.Compile(spec, Features, Classes);
            Trainer.Train(net, data, ExperimentRunner.ToTrainingOptions(spec), pool);
            var shapes = DieSource.Shapes(net);
            var acc = DieEvaluator.Evaluate(net, 6, i => DieSource.Die(spec.Evaluation.Dies!, spec.Layers, shapes, i), data.Test, pool);
            return ([.. net.Parameters.SelectMany(p => p.Values.ToArray())], acc);
        }
        var one = Run(1);
        var again = Run(1);
        var two = Run(2);
        Assert.Equal(one.Weights, again.Weights);
        Assert.Equal(one.Weights, two.Weights);
        Assert.Equal(one.Accuracy, again.Accuracy);
        Assert.Equal(one.Accuracy, two.Accuracy);
        Assert.True(one.Accuracy.Distinct().Count() > 1, "the dies should differ");
    }
}
