using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

/// <summary>Issue 18: training resumed from an epoch's checkpoint ends bit-identical to an uninterrupted run.</summary>
public sealed class ResumeTests
{
    private static float[] Weights(ILayer<float> model) => [.. model.Parameters.SelectMany(p => p.Values.ToArray())];

    private static object[] Numbers(EpochMetrics m) => [m.Epoch, m.LearningRate, m.TrainLoss, m.TrainAccuracy, m.TestLoss, m.TestAccuracy];

    [Theory]
    [InlineData("adam", 1)]
    [InlineData("adam", 3)]
    [InlineData("sgd", 2)]
    [InlineData("sgd-plain", 2)]
    public void Resuming_after_any_epoch_ends_bit_identical(string optimizer, int after)
    {
        OptimizerSpec spec = optimizer switch { "adam" => new AdamSpec(3e-3), "sgd" => new SgdSpec(0.05, 0.9), _ => new SgdSpec(0.05, 0) };
        var data = SyntheticData.Blobs(10, 3, 600, 100);
        var options = new TrainingOptions(4, 32, spec, LearningRateSchedule.Cosine(0.1), 7) { Shift = null };

        var full = new Counted(Sequential<float>.Mlp(10, [12, 12], 3, Activation.Tanh, seed: 4));
        var sink = new Checkpoints();
        var uninterrupted = Trainer.Train(full, data, options, new MacPool(1), sink);
        Assert.Equal(4, sink.Saved.Count);
        Assert.Equal([1, 2, 3, 4], sink.Saved.Select(c => c.EpochsDone));

        var resumed = new Counted(Sequential<float>.Mlp(10, [12, 12], 3, Activation.Tanh, seed: 99)); // other initial weights: the checkpoint replaces them
        var rest = Trainer.Train(resumed, data, options with { Resume = sink.Saved[after - 1] }, new MacPool(2));
        Assert.True(rest.Completed);
        Assert.Equal(Weights(full), Weights(resumed));
        Assert.Equal(full.Calls, resumed.Calls);
        Assert.Equal(uninterrupted.Epochs.Select(Numbers), rest.Epochs.Select(Numbers));
    }

    [Fact]
    public void A_checkpoint_that_does_not_fit_the_model_is_refused()
    {
        var data = SyntheticData.Blobs(10, 3, 200, 50);
        var sink = new Checkpoints();
        Trainer.Train(Sequential<float>.Mlp(10, [12], 3, Activation.Relu, 1), data, new TrainingOptions(2, 50, new AdamSpec(1e-3), LearningRateSchedule.Constant, 1), new MacPool(1), sink);
        var other = Sequential<float>.Mlp(10, [8], 3, Activation.Relu, 1);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(other, data, new TrainingOptions(2, 50, new AdamSpec(1e-3), LearningRateSchedule.Constant, 1) { Resume = sink.Saved[0] }));
        Assert.Contains("the checkpoint holds 4 parameters of 120, 12, 36, 3 values; the model has 4 of 80, 8, 24, 3", e.Message);
        var longer = Assert.Throws<ArgumentException>(() => Trainer.Train(Sequential<float>.Mlp(10, [12], 3, Activation.Relu, 1), data,
            new TrainingOptions(1, 50, new AdamSpec(1e-3), LearningRateSchedule.Constant, 1) { Resume = sink.Saved[1] }));
        Assert.Contains("the checkpoint is after epoch 2, but training has 1 epochs", longer.Message);
    }

    private sealed class Checkpoints : ICheckpointSink
    {
        public List<TrainingCheckpoint> Saved { get; } = [];
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) { }
        public void OnEpoch(EpochMetrics metrics) { }
        public void OnCheckpoint(TrainingCheckpoint checkpoint) => Saved.Add(checkpoint);
    }

    /// <summary>A model with state of its own that changes what it computes: the number of recorded passes scales the input.</summary>
    private sealed class Counted(Sequential<float> inner) : ILayer<float>, IStatefulModel
    {
        public long Calls { get; private set; }
        public IReadOnlyList<Tensor<float>> Parameters => inner.Parameters;
        public string Describe() => inner.Describe();

        public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
        {
            if (tape.Recording && Calls++ % 7 == 3)
            {
                var scaled = tape.Input(x.Values, x.Rows, x.Cols);
                foreach (ref var v in scaled.Values) v *= 0.5f;
                x = scaled;
            }
            return inner.Forward(tape, x);
        }

        public byte[] SaveState() => BitConverter.GetBytes(Calls);
        public void LoadState(ReadOnlySpan<byte> state) => Calls = BitConverter.ToInt64(state);
    }
}
