using HwDsl.Autodiff;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Experiments.Tests;

/// <summary>The batched Monte-Carlo evaluation gives what the tape computes die after die, bit for bit.</summary>
public sealed class BatchedDieEvaluationTests
{
    private static HardwareBuilder Defective() => Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Shorted(Dist.Beta(0.15, 0.05)).Open(0.05)).DeviceToDevice(0.05);

    // With `zeros`, that fraction of the values is exactly 0 (as MNIST's background), which takes the sparse first layer.
    private static DataSplit Random(int rows, int features, int classes, int seed, double zeros = 0)
    {
        var rng = new SeededRandom((ulong)seed);
        var x = new float[rows * features];
        for (var i = 0; i < x.Length; i++) x[i] = rng.NextDouble() < zeros ? 0f : (float)rng.NextDouble();
        return new DataSplit(x, [.. Enumerable.Range(0, rows).Select(_ => rng.NextInt(classes))], features, classes);
    }

    // The die's logits as the deployed network computes them on the tape.
    private static float[] TapeLogits(CompiledNetwork net, DieMap die, DataSplit split)
    {
        foreach (var l in net.BinaryLayers) l.SetDeployedDie(die.For(l.Hardware.Index));
        var phase = net.Phase;
        net.Phase = NetworkPhase.Deployed;
        try
        {
            var tape = new Tape<float>(new MacPool(1)) { Recording = false };
            return net.Forward(tape, tape.Input(split.Features, split.Count, split.FeatureCount)).Values.ToArray();
        }
        finally
        {
            net.Phase = phase;
            foreach (var l in net.BinaryLayers) l.SetDeployedDie(null);
        }
    }

    public static readonly TheoryData<string> Networks = new() { "mnist-shaped", "mnist-shaped-sparse", "deeper" };

    [Theory, MemberData(nameof(Networks))]
    public void Batched_logits_and_accuracies_equal_the_tape_die_after_die_on_1_and_2_threads(string name)
    {
        var (features, classes, rows) = name.StartsWith("mnist-shaped", StringComparison.Ordinal) ? (784, 10, 1500) : (40, 3, 700);
        var spec = Experiment.Named(name).Seed(4).Data(Datasets.Named("random", classes, features))
            .Network(n =>
            {
                if (name.StartsWith("mnist-shaped", StringComparison.Ordinal)) n.Dense(256).Sign().Dense(10);
                else n.Dense(37).Relu().Dense(19).ClippedRelu().Dense(3);
            })
            .On(Defective()).Evaluate(e => e.OnDies(Dies.Sample(5, seed: 9))).Build();
        var net = NetworkCompiler.Compile(spec, features, classes);
        Assert.True(BatchedDieEvaluation.Supports(net));
        var test = Random(rows, features, classes, 3, zeros: name.EndsWith("sparse", StringComparison.Ordinal) ? 0.8 : 0);
        var shapes = DieSource.Shapes(net);
        DieMap Die(int i) => DieSource.Die(spec.Evaluation.Dies!, spec.Layers, shapes, i);

        using var one = new MacPool(1);
        var reference = DieEvaluator.EvaluateOneByOne(net, 5, Die, test, one);
        foreach (var threads in new[] { 1, 2 })
        {
            using var pool = new MacPool(threads);
            var logits = new float[5][];
            var batched = BatchedDieEvaluation.Run(net, 5, Die, test, pool, logits);
            Assert.Equal(reference, batched);
            Assert.Equal(reference, DieEvaluator.Evaluate(net, 5, Die, test, pool));
            for (var d = 0; d < 5; d++)
                Assert.True(TapeLogits(net, Die(d), test).AsSpan().SequenceEqual(logits[d]), $"{name}, die {d}, {threads} thread(s): logits differ from the tape's");
        }
        Assert.True(reference.Distinct().Count() > 1, $"the dies should differ: {string.Join(", ", reference)}");
    }
}
