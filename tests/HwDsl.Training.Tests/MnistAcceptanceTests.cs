using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

/// <summary>The foundation's promise on real data: a float 784-256-256-10 MLP reaches ≥ 98.0 % MNIST test accuracy
/// (mean of 3 seeds) within 10 epochs, with the defaults `hwdsl train` uses (Adam 1e-3, cosine, batch 100).</summary>
public sealed class MnistAcceptanceTests
{
    [Fact]
    public void Float_mlp_reaches_98_percent_mean_of_three_seeds_in_10_epochs()
    {
        var data = new DatasetStore().Load("mnist");
        var accuracies = new List<double>();
        foreach (var seed in new[] { 0, 1, 2 })
        {
            var model = Sequential<float>.Mlp(784, [256, 256], 10, Activation.Relu, seed);
            var options = new TrainingOptions(10, 100, new AdamSpec(1e-3), LearningRateSchedule.Cosine(), seed);
            accuracies.Add(Trainer.Train(model, data, options, MacPool.Shared).TestAccuracy);
        }
        // Measured 98.31 %, 98.29 %, 98.34 % on this code; a fall below 98 % is a regression, not noise (sd 0.03 pp).
        Assert.True(accuracies.Average() >= 0.98, $"mean test accuracy {accuracies.Average():P2} ({string.Join(", ", accuracies.Select(a => a.ToString("P2")))})");
    }
}
