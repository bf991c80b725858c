using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Stress.Tests;

public sealed class CoreNetworkStressTests
{
    // The 20-core network of the Yepes experiment (4 groups of 2×2 shifted windows → 16 × 64 → 4 × 250), where
    // the NullReferenceException in Kernel256x6x16.Run under GaussianSpikeOp.Backward was seen on 2 threads.
    private static CoreExperimentSpec Spec(int batch) => HwDsl.Cores.Experiment("stress").Seed(0).Data(Datasets.Mnist)
        .Network(n =>
        {
            foreach (var (ox, oy) in new[] { (0, 0), (4, 4), (2, 2), (0, 4) })
            foreach (var y in new[] { oy, 12 - oy })
            foreach (var x in new[] { ox, 12 - ox })
                n.Window(x, y, 16);
            n.Layer(64).Layer(250, fanIn: 4).Readout(perClass: 100);
        })
        .Train(t => t.LearnedBinary().Adam(1e-2).Epochs(1).Batch(batch).Smoothing(4))
        .Build();

    private static Dataset Synthetic(int train, int seed)
    {
        var random = new Random(seed);
        DataSplit Split(int count)
        {
            var x = new float[count * 784];
            var labels = new int[count];
            for (var i = 0; i < count; i++)
            {
                labels[i] = random.Next(10);
                // A class-dependent blob, so gradients are not noise alone.
                for (var p = 0; p < 784; p++)
                    x[i * 784 + p] = (p % 28 + p / 28 + labels[i] * 3) % 17 < 6 ? random.NextSingle() : 0.2f * random.NextSingle();
            }
            return new DataSplit(x, labels, 784, 10);
        }
        return new Dataset("synthetic", Split(train), Split(200), []);
    }

    private static float[][] Train(CoreExperimentSpec spec, Dataset data, int epochs, MacPool pool)
    {
        var network = new CoreNetwork(spec.Network, spec.Training, seed: 3);
        var options = new TrainingOptions(epochs, spec.Training.Batch, new AdamSpec(spec.Training.LearningRate), LearningRateSchedule.Cosine(), 5);
        var result = Trainer.Train(network, data, options, pool);
        Assert.True(result.Completed);
        return [.. network.Parameters.Select(p => p.Values.ToArray())];
    }

    [Fact]
    public void Core_network_training_on_2_preempted_threads_equals_1_thread_bit_for_bit_over_many_steps()
    {
        // Odd batch: edge tiles in every product of forward and backward.
        var spec = Spec(batch: 37);
        var data = Synthetic(train: 37 * 20, seed: 1);
        var epochs = (int)Math.Max(1, StressBudget.For(2).TotalSeconds / 2);
        using var one = new MacPool(1);
        var expected = Train(spec, data, epochs, one);
        using var two = new MacPool(2);
        using var pressure = new Pressure(hogs: 2, collect: true);
        for (var repeat = 0; repeat < 2; repeat++)
        {
            var got = Train(spec, data, epochs, two);
            for (var i = 0; i < expected.Length; i++)
                Assert.True(expected[i].AsSpan().SequenceEqual(got[i]), $"parameter {i} differs between 1 and 2 threads (repeat {repeat})");
        }
    }
}
