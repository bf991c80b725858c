using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler.Tests.Cores;

/// <summary>The fused core layer trains exactly as the op-by-op composition, bit for bit, on 1 and 2 threads.</summary>
public sealed class CoreLayerFusionTests
{
    public static readonly TheoryData<string> Variants = new() { "learned", "learned-soft", "probabilistic-stochastic", "learned-types" };

    private static CoreExperimentSpec Spec(string variant) => HwDsl.Cores.Experiment(variant).Seed(0).Data(Datasets.Mnist)
        .Network(n =>
        {
            foreach (var (x, y) in new[] { (0, 0), (12, 0), (0, 12), (12, 12) }) n.Window(x, y, 16);
            if (variant == "learned-types") n.AxonTypes([2, -1, 3, -2]);
            if (variant == "probabilistic-stochastic") n.TimeSteps(2, InputEncoding.Stochastic);
            // Two cores of 120 in the output layer: concatenations and gathers in both layers.
            n.Layer(64).Layer(120, fanIn: 2).Readout(perClass: 24);
        })
        .Train(t =>
        {
            if (variant == "probabilistic-stochastic") t.Probabilistic().Adam(1e-2).Smoothing(1);
            else t.LearnedBinary().Adam(1e-2).Smoothing(4);
            if (variant == "learned-soft") t.HardHiddenSpikes(false).HardOutputSpikes(false);
            t.Epochs(2).Batch(37);
        })
        .Build();

    private static (float[][] Parameters, double[] Losses) Train(CoreExperimentSpec spec, bool fused, int threads)
    {
        using var pool = new MacPool(threads);
        var network = new CoreNetwork(spec.Network, spec.Training, seed: 7) { Fused = fused };
        var options = new TrainingOptions(2, spec.Training.Batch, new AdamSpec(spec.Training.LearningRate), LearningRateSchedule.Cosine(), 3);
        var result = Trainer.Train(network, MnistSubset.Take(37 * 12, 200), options, pool);
        return ([.. network.Parameters.Select(p => p.Values.ToArray())], [.. result.Epochs.SelectMany(e => new[] { e.TrainLoss, e.TestLoss, e.TestAccuracy })]);
    }

    [Theory, MemberData(nameof(Variants))]
    public void Fused_layers_train_bit_for_bit_as_the_composition(string variant)
    {
        var spec = Spec(variant);
        var reference = Train(spec, fused: false, threads: 1);
        foreach (var threads in new[] { 1, 2 })
        {
            var fused = Train(spec, fused: true, threads);
            Assert.Equal(reference.Losses, fused.Losses);
            for (var i = 0; i < reference.Parameters.Length; i++)
                Assert.True(reference.Parameters[i].AsSpan().SequenceEqual(fused.Parameters[i]), $"{variant}, {threads} thread(s): parameter {i} differs");
        }
        Assert.True(reference.Losses[0] > reference.Losses[3], $"{variant} should learn: train losses {reference.Losses[0]}, {reference.Losses[3]}");
    }
}
