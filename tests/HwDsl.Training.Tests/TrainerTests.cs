using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

public sealed class TrainerTests
{
    private static TrainingOptions Options(int epochs = 3, int seed = 5, OptimizerSpec? optimizer = null) =>
        new(epochs, 32, optimizer ?? new AdamSpec(3e-3), LearningRateSchedule.Constant, seed);

    private static float[] Weights(Sequential<float> model) => [.. model.Parameters.SelectMany(p => p.Values.ToArray())];

    [Theory]
    [InlineData("adam")]
    [InlineData("sgd")]
    public void Learns_separable_blobs_well_above_chance(string optimizer)
    {
        var data = SyntheticData.Blobs(features: 20, classes: 4, trainCount: 2000, testCount: 500);
        var model = Sequential<float>.Mlp(20, [32], 4, Activation.Relu, seed: 1);
        OptimizerSpec spec = optimizer == "adam" ? new AdamSpec(3e-3) : new SgdSpec(0.05, 0.9);
        var result = Trainer.Train(model, data, Options(epochs: 5, optimizer: spec), new MacPool(1));
        Assert.True(result.Completed);
        Assert.Equal(5, result.Epochs.Count);
        Assert.True(result.TestAccuracy > 0.9, $"test accuracy {result.TestAccuracy:P2} after 5 epochs with {spec}");
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss, "training loss did not fall");
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_metrics()
    {
        var data = SyntheticData.Blobs(20, 4, 1000, 200);
        var a = Sequential<float>.Mlp(20, [16, 16], 4, Activation.Tanh, seed: 3);
        var b = Sequential<float>.Mlp(20, [16, 16], 4, Activation.Tanh, seed: 3);
        var ra = Trainer.Train(a, data, Options(), new MacPool(1));
        var rb = Trainer.Train(b, data, Options(), new MacPool(1));
        Assert.Equal(Weights(a), Weights(b));
        Assert.Equal(ra.Epochs.Select(e => e.TrainLoss), rb.Epochs.Select(e => e.TrainLoss));

        var c = Sequential<float>.Mlp(20, [16, 16], 4, Activation.Tanh, seed: 3);
        Trainer.Train(c, data, Options(seed: 6), new MacPool(1));
        Assert.NotEqual(Weights(a), Weights(c));  // the data seed matters
    }

    [Fact]
    public void Shift_augmentation_changes_training_replays_by_seed_and_must_fit_the_images()
    {
        var data = SyntheticData.Blobs(16, 4, 600, 100);
        float[] Train(RandomShift? shift)
        {
            var model = Sequential<float>.Mlp(16, [16], 4, Activation.Relu, seed: 2);
            Trainer.Train(model, data, Options(epochs: 2) with { Shift = shift }, new MacPool(1));
            return Weights(model);
        }
        var plain = Train(null);
        Assert.Equal(plain, Train(new RandomShift(4, 4, 0)));
        var shifted = Train(new RandomShift(4, 4, 1));
        Assert.NotEqual(plain, shifted);
        Assert.Equal(shifted, Train(new RandomShift(4, 4, 1)));

        var model = Sequential<float>.Mlp(16, [16], 4, Activation.Relu, seed: 2);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(model, data, Options() with { Shift = new RandomShift(5, 5, 1) }, new MacPool(1)));
        Assert.Contains("5×5 images", e.Message);
        Assert.Contains("16 inputs", e.Message);
    }

    [Fact]
    public void One_and_two_threads_give_bit_identical_weights()
    {
        // Shapes large enough that the MAC core really splits the work over threads (≥ 2^20 multiply-adds).
        var data = SyntheticData.Blobs(256, 10, 512, 128);
        var one = Sequential<float>.Mlp(256, [256], 10, Activation.Relu, seed: 9);
        var two = Sequential<float>.Mlp(256, [256], 10, Activation.Relu, seed: 9);
        var options = new TrainingOptions(2, 128, new AdamSpec(1e-3), LearningRateSchedule.Constant, 1);
        using var pool1 = new MacPool(1);
        using var pool2 = new MacPool(2);
        Trainer.Train(one, data, options, pool1);
        Trainer.Train(two, data, options, pool2);
        Assert.Equal(Weights(one), Weights(two));
    }

    [Fact]
    public void Initialisation_is_seeded()
    {
        Assert.Equal(Weights(Sequential<float>.Mlp(10, [8], 3, Activation.Relu, 1)), Weights(Sequential<float>.Mlp(10, [8], 3, Activation.Relu, 1)));
        Assert.NotEqual(Weights(Sequential<float>.Mlp(10, [8], 3, Activation.Relu, 1)), Weights(Sequential<float>.Mlp(10, [8], 3, Activation.Relu, 2)));
    }

    [Fact]
    public void He_and_xavier_draw_with_the_declared_spread()
    {
        var he = new DenseLayer<double>(400, 300, WeightInit.He, new SeededRandom(1)).Weights.Values.ToArray();
        var xavier = new DenseLayer<double>(400, 300, WeightInit.Xavier, new SeededRandom(1)).Weights.Values.ToArray();
        static double Sd(double[] v) => Math.Sqrt(v.Sum(x => x * x) / v.Length);
        Assert.InRange(Sd(he), Math.Sqrt(2.0 / 400) * 0.98, Math.Sqrt(2.0 / 400) * 1.02);
        var limit = Math.Sqrt(6.0 / 700);
        Assert.InRange(Sd(xavier), limit / Math.Sqrt(3) * 0.98, limit / Math.Sqrt(3) * 1.02);
        Assert.All(xavier, w => Assert.InRange(w, -limit, limit));
    }

    [Fact]
    public void Cancellation_stops_between_batches_and_keeps_finished_epochs()
    {
        var data = SyntheticData.Blobs(20, 4, 2000, 100);
        var model = Sequential<float>.Mlp(20, [16], 4, Activation.Relu, 1);
        using var cancel = new CancellationTokenSource();
        var observer = new CancelAfterFirstEpoch(cancel);
        var result = Trainer.Train(model, data, Options(epochs: 5), new MacPool(1), observer, cancel.Token);
        Assert.False(result.Completed);
        Assert.Single(result.Epochs);
        Assert.True(observer.Batches > 0);
    }

    private sealed class CancelAfterFirstEpoch(CancellationTokenSource cancel) : ITrainingObserver
    {
        public int Batches { get; private set; }
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) => Batches++;
        public void OnEpoch(EpochMetrics metrics) => cancel.Cancel();
    }

    [Fact]
    public void Bad_options_name_the_value_and_the_allowed_range()
    {
        var data = SyntheticData.Blobs(4, 2, 10, 10);
        var model = Sequential<float>.Mlp(4, [], 2, Activation.Relu, 1);
        Assert.Contains("epochs must be at least 1; got 0", Assert.Throws<ArgumentException>(() => Trainer.Train(model, data, Options(epochs: 0))).Message);
        Assert.Contains("learning rate must be a positive finite number; got -1", Assert.Throws<ArgumentException>(() => Trainer.Train(model, data, Options(optimizer: new AdamSpec(-1)))).Message);
        Assert.Contains("beta2 must be in [0, 1); got 1", Assert.Throws<ArgumentException>(() => new AdamSpec(1e-3, Beta2: 1).Validate()).Message);
        Assert.Contains("momentum must be in [0, 1); got 1.5", Assert.Throws<ArgumentException>(() => new SgdSpec(0.1, 1.5).Validate()).Message);
        Assert.Contains("Nesterov momentum needs momentum > 0", Assert.Throws<ArgumentException>(() => new SgdSpec(0.1, 0, Nesterov: true).Validate()).Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void The_last_epoch_of_a_cosine_schedule_trains(int epochs)
    {
        // Issue 18: cos(π·e/(E−1)) gave the last epoch learning rate 0, so Epochs(2) trained one epoch.
        var data = SyntheticData.Blobs(8, 2, 200, 50);
        var model = Sequential<float>.Mlp(8, [8], 2, Activation.Relu, seed: 1);
        var observer = new WeightsPerEpoch(model);
        var result = Trainer.Train(model, data, Options(epochs) with { Schedule = LearningRateSchedule.Cosine() }, new MacPool(1), observer);
        Assert.True(result.Epochs[^1].LearningRate > 0, $"last epoch's learning rate {result.Epochs[^1].LearningRate}");
        Assert.NotEqual(observer.After[^2], observer.After[^1]);
    }

    private sealed class WeightsPerEpoch(Sequential<float> model) : ITrainingObserver
    {
        public List<float[]> After { get; } = [];
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) { }
        public void OnEpoch(EpochMetrics metrics) => After.Add(Weights(model));
    }

    [Fact]
    public void Schedules_give_the_documented_factors_and_parse_errors_name_the_text()
    {
        Assert.Equal(1, LearningRateSchedule.Constant.Factor(7, 10));
        var step = LearningRateSchedule.Parse("step:0.5:2");
        Assert.Equal([1, 1, 0.5, 0.5, 0.25], Enumerable.Range(0, 5).Select(e => step.Factor(e, 5)));
        var cosine = LearningRateSchedule.Parse("cosine:0.1");
        Assert.Equal(1, cosine.Factor(0, 5), 12);
        Assert.Equal(0.1 + 0.45 * (1 + Math.Cos(0.4 * Math.PI)), cosine.Factor(2, 5), 12);
        // The last epoch trains: above the minimum factor (0.186 here), never at it.
        Assert.Equal(0.1 + 0.45 * (1 + Math.Cos(0.8 * Math.PI)), cosine.Factor(4, 5), 12);
        Assert.True(LearningRateSchedule.Cosine().Factor(1, 2) > 0.49);
        Assert.Contains("'linear'", Assert.Throws<ArgumentException>(() => LearningRateSchedule.Parse("linear")).Message);
        Assert.Contains("gamma must be in (0, 1]; got 2", Assert.Throws<ArgumentException>(() => LearningRateSchedule.Parse("step:2:1")).Message);
    }
}
