using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Cli.Bench;

/// <summary>
/// LeNet-5 training throughput (batch 100, Adam 1e-3, one MNIST epoch) beside the same network in PyTorch, round by
/// round on the same pool size as the peer's threads. Our side is <see cref="LeNet5.Create{T}"/> on the Trainer.
/// </summary>
internal static class LeNetBench
{
    public const string Description = "Float LeNet-5 (conv 6@5×5 pad 2 – max-pool 2 – conv 16@5×5 – max-pool 2 – 120 – 84 – 10, ReLU), Adam 1e-3, batch 100, one MNIST epoch (training only)";

    /// <summary>What the rounds measured: samples/s and test accuracy on each side, and the memory format the peer chose.</summary>
    public sealed record Result(List<double> Ours, List<double> Theirs, List<double> OurAccuracy, List<double> TheirAccuracy, string? PeerFormat);

    public static Result Run(MacPool pool, PeerProcess? peer, Dataset data, string dataDir, int rounds, CancellationToken cancel)
    {
        var result = new Result([], [], [], [], null);
        string? format = null;
        for (var r = 0; r < rounds; r++)
        {
            var model = LeNet5.Create<float>(data.Shape ?? new ImageShape(1, 28, 28), data.Train.ClassCount, seed: r);
            var trained = Trainer.Train(model, data, new TrainingOptions(1, 100, new AdamSpec(1e-3), LearningRateSchedule.Constant, r), pool, cancel: cancel);
            cancel.ThrowIfCancellationRequested();
            result.Ours.Add(trained.SamplesPerSecond);
            result.OurAccuracy.Add(trained.TestAccuracy);
            if (peer is null) continue;
            var answer = peer.Send(new { cmd = "lenet", data = dataDir, batch = 100, lr = 1e-3, epochs = 1, seed = r, memory_format = format ?? "auto" });
            format ??= answer["memory_format"]?.GetValue<string>();   // chosen once, on the first round's warm-up
            result.Theirs.Add(answer["samples_per_s"]!.GetValue<double>());
            result.TheirAccuracy.Add(answer["test_accuracy"]!.GetValue<double>());
        }
        return result with { PeerFormat = format };
    }
}
