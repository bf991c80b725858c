using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

/// <summary>The foundation's promise on real data: a float 784-256-256-10 MLP reaches ≥ 98.0 % MNIST test accuracy within
/// 10 epochs, with the defaults `hwdsl train` uses (Adam 1e-3, cosine, batch 100). One seed here (CI time); the mean over
/// three is `hwdsl train --epochs 10 --seeds 0,1,2` (98.31 %, 98.29 %, 98.34 % on seeds 0–2, sd 0.03 pp).</summary>
public sealed class MnistAcceptanceTests
{
    [Fact]
    public void Float_mlp_reaches_98_percent_in_10_epochs()
    {
        var data = new DatasetStore().Load("mnist");
        var model = Sequential<float>.Mlp(784, [256, 256], 10, Activation.Relu, seed: 0);
        var options = new TrainingOptions(10, 100, new AdamSpec(1e-3), LearningRateSchedule.Cosine(), Seed: 0);
        var accuracy = Trainer.Train(model, data, options, MacPool.Shared).TestAccuracy;
        // Measured 98.31 % for seed 0 (the seeds' sd is 0.03 pp): a fall below 98 % is a regression, not noise.
        Assert.True(accuracy >= 0.98, $"test accuracy {accuracy:P2}");
    }
}
