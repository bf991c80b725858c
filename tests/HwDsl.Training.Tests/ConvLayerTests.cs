using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

public sealed class ConvLayerTests
{
    private static float[] Weights(ILayer<float> model) => [.. model.Parameters.SelectMany(p => p.Values.ToArray())];

    [Fact]
    public void Conv_layer_has_the_kernel_matrix_shape_and_draws_he_or_xavier_weights_from_its_seed()
    {
        var he = new Conv2dLayer<float>(new ImageShape(16, 10, 10), 64, 5, 1, 0, WeightInit.He, new SeededRandom(4));
        Assert.Equal((400, 64), (he.Weights.Rows, he.Weights.Cols));
        Assert.Equal((1, 64), (he.Bias.Rows, he.Bias.Cols));
        Assert.Equal(new ImageShape(64, 6, 6), he.Output);
        Assert.All(he.Bias.Values.ToArray(), b => Assert.Equal(0f, b));
        var w = he.Weights.Values.ToArray().Select(v => (double)v).ToArray();
        var sd = Math.Sqrt(w.Select(v => v * v).Average());
        Assert.InRange(sd / Math.Sqrt(2.0 / 400), 0.97, 1.03);      // N(0, 2/fan_in), fan_in = C·k·k; 25600 draws
        Assert.InRange(w.Average(), -0.01, 0.01);

        var xavier = new Conv2dLayer<float>(new ImageShape(16, 10, 10), 64, 5, 1, 0, WeightInit.Xavier, new SeededRandom(4));
        var limit = Math.Sqrt(6.0 / (400 + 64 * 25));                 // fan_out = F·k·k
        var x = xavier.Weights.Values.ToArray();
        Assert.All(x, v => Assert.InRange(Math.Abs(v), 0, limit));
        Assert.InRange(x.Max(v => Math.Abs(v)) / limit, 0.99, 1.0);

        var again = new Conv2dLayer<float>(new ImageShape(16, 10, 10), 64, 5, 1, 0, WeightInit.He, new SeededRandom(4));
        Assert.Equal(Weights(he), Weights(again));
        Assert.Equal("conv 16×10×10→64×6×6 (5×5)", he.Describe());
        Assert.Equal("conv 1×28×28→6×14×14 (5×5, stride 2, padding 2)",
            new Conv2dLayer<float>(new ImageShape(1, 28, 28), 6, 5, 2, 2, WeightInit.He, new SeededRandom(1)).Describe());
    }

    [Fact]
    public void Pool_and_flatten_layers_know_their_shapes_and_refuse_what_does_not_fit()
    {
        var max = new PoolLayer<float>(PoolMode.Max, new ImageShape(6, 28, 28), 2, 2);
        Assert.Equal(new ImageShape(6, 14, 14), max.Output);
        Assert.Equal("max-pool 2×2 6×28×28→6×14×14", max.Describe());
        Assert.Equal(new ImageShape(3, 3, 3), new PoolLayer<float>(PoolMode.Average, new ImageShape(3, 7, 7), 3, 2).Output);
        Assert.Throws<ArgumentException>(() => new PoolLayer<float>(PoolMode.Max, new ImageShape(1, 4, 4), 5, 1));
        Assert.Throws<ArgumentException>(() => new Conv2dLayer<float>(new ImageShape(1, 4, 4), 2, 7, 1, 1, WeightInit.He, new SeededRandom(1)));

        var flatten = new FlattenLayer<float>(new ImageShape(16, 5, 5));
        var tape = new Tape<float>(new MacPool(1));
        var x = tape.Input(new float[800], 2, 400);
        Assert.Same(x, flatten.Forward(tape, x));
        Assert.Empty(flatten.Parameters);
        Assert.Throws<ArgumentException>(() => flatten.Forward(tape, tape.Input(new float[20], 2, 10)));
    }

    [Fact]
    public void LeNet5_has_the_classic_layers_and_parameter_count()
    {
        var net = LeNet5.Create<float>(new ImageShape(1, 28, 28), 10, seed: 0);
        Assert.Equal("conv 1×28×28→6×28×28 (5×5, padding 2) → relu → max-pool 2×2 6×28×28→6×14×14 → conv 6×14×14→16×10×10 (5×5) → relu → "
            + "max-pool 2×2 16×10×10→16×5×5 → flatten 16×5×5→400 → dense 400→120 → relu → dense 120→84 → relu → dense 84→10", net.Describe());
        // 156 + 2,416 + 48,120 + 10,164 + 850, PyTorch's count for the same network.
        Assert.Equal(61_706, net.ParameterCount);
    }

    [Fact]
    public void LeNet5_learns_a_few_hundred_mnist_digits()
    {
        // 600 training images, 3 epochs: far above chance (10 %) on 500 unseen test digits. Measured 83.2 % (seed 0, AVX2 path).
        var data = new DatasetStore().Load("mnist").Take(600, 500);
        var model = LeNet5.Create<float>(data.Shape!, 10, seed: 0);
        var result = Trainer.Train(model, data, new TrainingOptions(3, 50, new AdamSpec(2e-3), LearningRateSchedule.Constant, 0), new MacPool(2));
        Assert.True(result.TestAccuracy >= 0.75, $"test accuracy {result.TestAccuracy:P2}");
        Assert.True(result.Epochs[^1].TrainLoss < 0.6 * result.Epochs[0].TrainLoss, "training loss did not fall");
    }

    [Fact]
    public void LeNet5_training_is_bit_identical_for_any_thread_count()
    {
        var data = new DatasetStore().Load("mnist").Take(300, 100);
        float[] Train(int threads)
        {
            var model = LeNet5.Create<float>(data.Shape!, 10, seed: 3);
            using var pool = new MacPool(threads);
            Trainer.Train(model, data, new TrainingOptions(1, 100, new AdamSpec(1e-3), LearningRateSchedule.Constant, 3), pool);
            return Weights(model);
        }
        var one = Train(1);
        Assert.Equal(one, Train(2));
        Assert.Equal(one, Train(3));
    }
}
